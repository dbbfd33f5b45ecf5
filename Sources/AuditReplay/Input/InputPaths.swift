#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files named by command-line paths.
public enum InputPaths {
    /// The path that names standard input.
    public static let standardInput = "-"
    /// How standard input is named in batches and messages.
    public static let standardInputName = "<stdin>"

    /// The files to read for `paths`, in order: `-` stays as it is; a directory is replaced
    /// by the files under it, recursively, in byte order of their names, skipping entries
    /// whose names start with `.`, and keeping regular files only (symbolic links to
    /// regular files included, links to directories not followed); any other path is kept
    /// (so `<(zcat x.gz)` works). A path that does not exist or a directory that cannot be
    /// listed is an error.
    public static func expand(_ paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            if path == standardInput {
                files.append(path)
                continue
            }
            var status = stat()
            guard stat(path, &status) == 0 else {
                throw InputError(file: path, reason: FileByteSource.describe(errno: errno))
            }
            if fileType(status) == S_IFDIR {
                try appendFiles(under: path, to: &files)
            } else {
                files.append(path)
            }
        }
        return files
    }

    private static func appendFiles(under directory: String, to files: inout [String]) throws(InputError) {
        for name in try entries(of: directory) where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else {
                throw InputError(file: path, reason: FileByteSource.describe(errno: errno))
            }
            switch fileType(status) {
            case S_IFDIR:
                try appendFiles(under: path, to: &files)
            case S_IFREG:
                files.append(path)
            case S_IFLNK:
                var target = stat()
                if stat(path, &target) == 0 && fileType(target) == S_IFREG { files.append(path) }
            default:
                break
            }
        }
    }

    /// The names in `directory` (without `.` and `..`), sorted by their bytes.
    private static func entries(of directory: String) throws(InputError) -> [String] {
        guard let stream = opendir(directory) else {
            throw InputError(file: directory, reason: FileByteSource.describe(errno: errno))
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The combined size of `files` (as `expand` returns them), or `nil` when one is standard
    /// input or not a regular file, whose size is not known before it is read.
    static func totalSize(of files: [String]) -> Int? {
        var total = 0
        for path in files {
            var status = stat()
            guard path != standardInput, stat(path, &status) == 0, fileType(status) == S_IFREG else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(Int(status.st_size))
            if overflow { return nil }
            total = sum
        }
        return total
    }

    private static func fileType(_ status: stat) -> mode_t {
        status.st_mode & S_IFMT
    }
}
