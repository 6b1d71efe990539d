extension LinkTarget {
    /// The schemes a link may use: the web, mail and local files.
    public static let schemes = ["https", "http", "mailto", "file"]

    /// The one reader of a typed web address: a known scheme, something after it, no spaces.
    public static func readURL(_ text: String) throws(ValueError) -> LinkTarget {
        let typed = text.trimmingSpaces()
        if let problem = urlProblem(typed) { throw problem }
        return .url(typed)
    }

    /// The one reader of a typed file path: not empty, one line.
    public static func readPath(_ text: String) throws(ValueError) -> LinkTarget {
        let typed = text.trimmingSpaces()
        if let problem = pathProblem(typed) { throw problem }
        return .path(typed)
    }

    /// A web address or a path, told apart by a scheme in front (`https:` …).
    public static func read(_ text: String) throws(ValueError) -> LinkTarget {
        let typed = text.trimmingSpaces()
        if let colon = typed.firstIndex(of: ":"), typed[..<colon].allSatisfy({ $0.isLetter }), typed.distance(from: typed.startIndex, to: colon) > 1 {
            return try readURL(typed)
        }
        return try readPath(typed)
    }

    /// As `read`, for a form, where it is not clear what a relative path would be relative to: a path must start at
    /// the root, the home folder (`~/`) or a Windows drive.
    public static func readAnchored(_ text: String) throws(ValueError) -> LinkTarget {
        let target = try read(text)
        if case .path(let path) = target, !FilePath.isAnchored(path) {
            if isWebAddressWithoutScheme(path) { throw withoutScheme(path) }
            throw ValueError("'\(path)' is geen volledig pad: begin bij / of ~/ (zoals /mnt/gedeeld/besluit.pdf)")
        }
        return target
    }

    /// `www.oss.nl`, `oss.nl`, `taizhou.gov.cn/en`: a host (a name with a dot, at the start or before the first slash)
    /// without `https://`. A lone `besluit.pdf` is a file's name, not this: alone, a name ending in what files end in
    /// (`.pdf`, `.docx` …) is no host.
    public static func isWebAddressWithoutScheme(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace), !text.contains(":") else { return false }
        if text.lowercased().hasPrefix("www.") { return text.count > 4 }
        let slash = text.firstIndex(of: "/")
        let host = text[..<(slash ?? text.endIndex)]
        guard host.contains("."), !host.hasPrefix("."), let last = host.split(separator: ".", omittingEmptySubsequences: false).last,
              last.count >= 2, last.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return slash != nil || !fileExtensions.contains(last.lowercased())
    }

    /// What the names of files a dossier links to end in: `besluit.pdf` is a file, `oss.nl` a website.
    private static let fileExtensions: Set<String> = [
        "pdf", "doc", "docx", "dot", "dotx", "xls", "xlsx", "xlsm", "ppt", "pptx", "odt", "ods", "odp", "txt", "rtf", "csv", "md", "html", "htm",
        "jpg", "jpeg", "png", "gif", "svg", "tif", "tiff", "heic", "zip", "msg", "eml", "ics", "json", "xml", "mp4", "mov", "mp3", "wav",
        "webp", "bmp", "odg", "key", "pages", "numbers", "vsdx", "dwg", "7z", "rar", "gz", "tgz", "avi", "mkv", "m4a", "epub", "vcf", "log", "bak",
    ]

    static func withoutScheme(_ text: String) -> ValueError {
        ValueError("'\(text)' is geen volledig webadres; bedoelde u https://\(text)?")
    }

    static func urlProblem(_ url: String) -> ValueError? {
        if isWebAddressWithoutScheme(url) { return withoutScheme(url) }
        let lower = url.lowercased()
        let scheme = schemes.first { lower.hasPrefix($0 + ":") }
        let rest = scheme.map { url.dropFirst($0.count + 1).drop { $0 == "/" } } ?? ""
        guard scheme != nil, !rest.isEmpty,
              !url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else {
            return ValueError("'\(url)' is geen webadres (zoals https://www.oss.nl/…; ook mailto: en file: mogen)")
        }
        return nil
    }

    static func pathProblem(_ path: String) -> ValueError? {
        guard !path.isEmpty, !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            return ValueError("'\(path)' is geen bestandspad (zoals /mnt/gedeeld/besluit.pdf)")
        }
        return nil
    }

    /// What is wrong with a stored target, or nil.
    public var problem: ValueError? {
        switch self {
        case .url(let url): LinkTarget.urlProblem(url)
        case .path(let path): LinkTarget.pathProblem(path)
        }
    }
}
