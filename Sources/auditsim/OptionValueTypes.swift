import ArgumentParser
import AuditPolicy
import AuditReplay

// Option values parsed as the library's types, so every command reads them the same way.

extension ByteSize: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }

    public var defaultValueDescription: String { description }
}

extension KubernetesVersion: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension InputFormat: ExpressibleByArgument {}
