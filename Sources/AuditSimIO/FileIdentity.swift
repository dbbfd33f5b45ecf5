#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file as the kernel knows it: device and inode, so that two names for one file
/// (`rec.jsonl`, `./rec.jsonl`, a hard link, a symlink) compare equal.
public struct FileIdentity: Hashable, Sendable {
    /// The device the file lives on.
    public let device: UInt64
    /// The file's inode number on that device.
    public let inode: UInt64
    /// What kind of file it is.
    public let kind: Kind

    /// The kinds of file that matter to auditsim's outputs.
    public enum Kind: Sendable {
        case regular, directory, other
    }

    /// The identity of what `path` names, following symbolic links; nil when nothing is there.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        default: kind = .other
        }
    }

    public static func == (lhs: FileIdentity, rhs: FileIdentity) -> Bool {
        lhs.device == rhs.device && lhs.inode == rhs.inode
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(device)
        hasher.combine(inode)
    }
}
