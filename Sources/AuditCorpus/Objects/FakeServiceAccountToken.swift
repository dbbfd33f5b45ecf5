import AuditPolicy

/// A JSON Web Token shaped like a bound service-account token (header, claims as
/// pkg/serviceaccount `Claims` sets them, signature), but signed by nothing: the signature
/// is random bytes. Recorded here because a RequestResponse audit log records tokens in
/// TokenRequest responses, which is why policies must not log them at that level.
enum FakeServiceAccountToken {
    static func make(issued: CorpusTime, expirationSeconds: Int64, credentialID: String, namespace: String,
                     serviceAccount: (name: String, uid: String), pod: (name: String, uid: String),
                     node: (name: String, uid: String), random: inout SplitMix64) -> String {
        let issuedSeconds = issued.microseconds / CorpusTime.second
        let header: CorpusJSON = ["alg": "RS256", "kid": .string(random.hex(40))]
        let claims: CorpusJSON = [
            "aud": ["https://kubernetes.default.svc"],
            // A kubelet's 3607 s request gets a token valid for a year, with the requested expiry as
            // `warnafter` (kube-apiserver's --service-account-extend-token-expiration, on by default).
            "exp": .int(issuedSeconds + 365 * 86_400),
            "iat": .int(issuedSeconds),
            "iss": "https://oidc.eks.us-east-1.amazonaws.com/id/4F1D3C2B8A7E6D5C9B0A1F2E3D4C5B6A",
            "jti": .string(credentialID),
            "kubernetes.io": [
                "namespace": .string(namespace),
                "node": ["name": .string(node.name), "uid": .string(node.uid)],
                "pod": ["name": .string(pod.name), "uid": .string(pod.uid)],
                "serviceaccount": ["name": .string(serviceAccount.name), "uid": .string(serviceAccount.uid)],
                "warnafter": .int(issuedSeconds + expirationSeconds),
            ],
            "nbf": .int(issuedSeconds),
            "sub": .string("system:serviceaccount:\(namespace):\(serviceAccount.name)"),
        ]
        let signature = (0..<256).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        return Base64.urlEncoded(header.encoded) + "." + Base64.urlEncoded(claims.encoded) + "." + Base64.urlEncoded(signature)
    }
}
