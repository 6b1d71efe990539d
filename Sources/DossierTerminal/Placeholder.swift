import DossierTUI
