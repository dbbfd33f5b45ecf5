import AuditPolicy

/// Kubernetes' random name suffixes (k8s.io/apimachinery/pkg/util/rand `String`: no
/// vowels, no characters that look alike).
enum KubernetesNames {
    private static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789".utf8)

    static func suffix(_ length: Int, random: inout SplitMix64) -> String {
        String(decoding: (0..<length).map { _ in alphabet[random.int(in: 0...(alphabet.count - 1))] }, as: UTF8.self)
    }
}
