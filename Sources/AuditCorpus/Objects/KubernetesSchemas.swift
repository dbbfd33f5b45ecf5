/// The OpenAPI shapes of Kubernetes types that operators embed in their CRDs.
enum KubernetesSchemas {
    static let strings = OpenAPISchema.array(.string)
    static let int32 = OpenAPISchema.integer(format: "int32")
    static let int64 = OpenAPISchema.integer(format: "int64")

    static let keySelector = OpenAPISchema.object([("key", .string), ("name", .string), ("optional", .boolean)], required: ["key"])
    static let localReference = OpenAPISchema.object([("name", .string)])
    static let labelSelector = OpenAPISchema.object([
        ("matchExpressions", .array(.object([("key", .string), ("operator", .string), ("values", strings)], required: ["key", "operator"]), listType: "atomic")),
        ("matchLabels", .map(.string)),
    ])
    static let resources = OpenAPISchema.object([
        ("claims", .array(.object([("name", .string), ("request", .string)], required: ["name"]), listType: "map")),
        ("limits", .map(.quantity)),
        ("requests", .map(.quantity)),
    ])
    static let handler = OpenAPISchema.object([
        ("exec", .object([("command", strings)])),
        ("httpGet", .object([("host", .string), ("httpHeaders", .array(.object([("name", .string), ("value", .string)], required: ["name", "value"]))),
                             ("path", .string), ("port", .intOrString), ("scheme", .string)], required: ["port"])),
        ("sleep", .object([("seconds", int64)], required: ["seconds"])),
        ("tcpSocket", .object([("host", .string), ("port", .intOrString)], required: ["port"])),
    ])
    static let probe = OpenAPISchema.object([
        ("exec", .object([("command", strings)])), ("failureThreshold", int32),
        ("grpc", .object([("port", int32), ("service", .string)], required: ["port"])),
        ("httpGet", .object([("host", .string), ("httpHeaders", .array(.object([("name", .string), ("value", .string)], required: ["name", "value"]))),
                             ("path", .string), ("port", .intOrString), ("scheme", .string)], required: ["port"])),
        ("initialDelaySeconds", int32), ("periodSeconds", int32), ("successThreshold", int32),
        ("tcpSocket", .object([("host", .string), ("port", .intOrString)], required: ["port"])),
        ("terminationGracePeriodSeconds", int64), ("timeoutSeconds", int32),
    ])
    static let seLinuxOptions = OpenAPISchema.object([("level", .string), ("role", .string), ("type", .string), ("user", .string)])
    static let seccompProfile = OpenAPISchema.object([("localhostProfile", .string), ("type", .string)], required: ["type"])
    static let windowsOptions = OpenAPISchema.object([("gmsaCredentialSpec", .string), ("gmsaCredentialSpecName", .string),
                                                      ("hostProcess", .boolean), ("runAsUserName", .string)])
    static let containerSecurityContext = OpenAPISchema.object([
        ("allowPrivilegeEscalation", .boolean), ("appArmorProfile", .object([("localhostProfile", .string), ("type", .string)], required: ["type"])),
        ("capabilities", .object([("add", strings), ("drop", strings)])), ("privileged", .boolean), ("procMount", .string),
        ("readOnlyRootFilesystem", .boolean), ("runAsGroup", int64), ("runAsNonRoot", .boolean), ("runAsUser", int64),
        ("seLinuxOptions", seLinuxOptions), ("seccompProfile", seccompProfile), ("windowsOptions", windowsOptions),
    ])
    static let podSecurityContext = OpenAPISchema.object([
        ("appArmorProfile", .object([("localhostProfile", .string), ("type", .string)], required: ["type"])),
        ("fsGroup", int64), ("fsGroupChangePolicy", .string), ("runAsGroup", int64), ("runAsNonRoot", .boolean), ("runAsUser", int64),
        ("seLinuxChangePolicy", .string), ("seLinuxOptions", seLinuxOptions), ("seccompProfile", seccompProfile),
        ("supplementalGroups", .array(int64, listType: "atomic")), ("supplementalGroupsPolicy", .string),
        ("sysctls", .array(.object([("name", .string), ("value", .string)], required: ["name", "value"]), listType: "atomic")),
        ("windowsOptions", windowsOptions),
    ])
    static let envVar = OpenAPISchema.object([
        ("name", .string), ("value", .string),
        ("valueFrom", .object([
            ("configMapKeyRef", keySelector), ("fieldRef", .object([("apiVersion", .string), ("fieldPath", .string)], required: ["fieldPath"])),
            ("resourceFieldRef", .object([("containerName", .string), ("divisor", .quantity), ("resource", .string)], required: ["resource"])),
            ("secretKeyRef", keySelector),
        ])),
    ], required: ["name"])
    static let volumeMount = OpenAPISchema.object([
        ("mountPath", .string), ("mountPropagation", .string), ("name", .string), ("readOnly", .boolean),
        ("recursiveReadOnly", .string), ("subPath", .string), ("subPathExpr", .string),
    ], required: ["mountPath", "name"])
    static let container = OpenAPISchema.object([
        ("args", .array(.string, listType: "atomic")), ("command", .array(.string, listType: "atomic")),
        ("env", .array(envVar, listType: "map")),
        ("envFrom", .array(.object([("configMapRef", .object([("name", .string), ("optional", .boolean)])), ("prefix", .string),
                                    ("secretRef", .object([("name", .string), ("optional", .boolean)]))]), listType: "atomic")),
        ("image", .string), ("imagePullPolicy", .string),
        ("lifecycle", .object([("postStart", handler), ("preStop", handler), ("stopSignal", .string)])),
        ("livenessProbe", probe), ("name", .string),
        ("ports", .array(.object([("containerPort", int32), ("hostIP", .string), ("hostPort", int32), ("name", .string), ("protocol", .string)],
                                 required: ["containerPort"]), listType: "map")),
        ("readinessProbe", probe),
        ("resizePolicy", .array(.object([("resourceName", .string), ("restartPolicy", .string)], required: ["resourceName", "restartPolicy"]), listType: "atomic")),
        ("resources", resources), ("restartPolicy", .string), ("securityContext", containerSecurityContext), ("startupProbe", probe),
        ("stdin", .boolean), ("stdinOnce", .boolean), ("terminationMessagePath", .string), ("terminationMessagePolicy", .string), ("tty", .boolean),
        ("volumeDevices", .array(.object([("devicePath", .string), ("name", .string)], required: ["devicePath", "name"]), listType: "map")),
        ("volumeMounts", .array(volumeMount, listType: "map")), ("workingDir", .string),
    ], required: ["name"])
    static let nodeSelectorTerm = OpenAPISchema.object([
        ("matchExpressions", .array(.object([("key", .string), ("operator", .string), ("values", strings)], required: ["key", "operator"]), listType: "atomic")),
        ("matchFields", .array(.object([("key", .string), ("operator", .string), ("values", strings)], required: ["key", "operator"]), listType: "atomic")),
    ])
    static let podAffinityTerm = OpenAPISchema.object([
        ("labelSelector", labelSelector), ("matchLabelKeys", .array(.string, listType: "atomic")),
        ("mismatchLabelKeys", .array(.string, listType: "atomic")), ("namespaceSelector", labelSelector),
        ("namespaces", .array(.string, listType: "atomic")), ("topologyKey", .string),
    ], required: ["topologyKey"])
    static let podAffinity = OpenAPISchema.object([
        ("preferredDuringSchedulingIgnoredDuringExecution", .array(.object([("podAffinityTerm", podAffinityTerm), ("weight", int32)],
                                                                          required: ["podAffinityTerm", "weight"]), listType: "atomic")),
        ("requiredDuringSchedulingIgnoredDuringExecution", .array(podAffinityTerm, listType: "atomic")),
    ])
    static let affinity = OpenAPISchema.object([
        ("nodeAffinity", .object([
            ("preferredDuringSchedulingIgnoredDuringExecution", .array(.object([("preference", nodeSelectorTerm), ("weight", int32)],
                                                                              required: ["preference", "weight"]), listType: "atomic")),
            ("requiredDuringSchedulingIgnoredDuringExecution", .object([("nodeSelectorTerms", .array(nodeSelectorTerm, listType: "atomic"))],
                                                                       required: ["nodeSelectorTerms"])),
        ])),
        ("podAffinity", podAffinity),
        ("podAntiAffinity", podAffinity),
    ])
    static let toleration = OpenAPISchema.object([("effect", .string), ("key", .string), ("operator", .string),
                                                  ("tolerationSeconds", int64), ("value", .string)])
    static let topologySpreadConstraint = OpenAPISchema.object([
        ("labelSelector", labelSelector), ("matchLabelKeys", .array(.string, listType: "atomic")), ("maxSkew", int32),
        ("minDomains", int32), ("nodeAffinityPolicy", .string), ("nodeTaintsPolicy", .string), ("topologyKey", .string),
        ("whenUnsatisfiable", .string),
    ], required: ["maxSkew", "topologyKey", "whenUnsatisfiable"])
    static let secretOrConfigMap = OpenAPISchema.object([("configMap", keySelector), ("secret", keySelector)])
    static let tlsConfig = OpenAPISchema.object([
        ("ca", secretOrConfigMap), ("cert", secretOrConfigMap), ("insecureSkipVerify", .boolean), ("keySecret", keySelector),
        ("maxVersion", .string), ("minVersion", .string), ("serverName", .string),
    ])
    static let authorization = OpenAPISchema.object([("credentials", keySelector), ("type", .string)])
    static let basicAuth = OpenAPISchema.object([("password", keySelector), ("username", keySelector)])
    static let oauth2 = OpenAPISchema.object([
        ("clientId", secretOrConfigMap), ("clientSecret", keySelector), ("endpointParams", .map(.string)),
        ("noProxy", .string), ("proxyConnectHeader", .map(.array(keySelector))), ("proxyFromEnvironment", .boolean),
        ("proxyUrl", .string), ("scopes", strings), ("tlsConfig", tlsConfig), ("tokenUrl", .string),
    ], required: ["clientId", "clientSecret", "tokenUrl"])
    static let relabelConfig = OpenAPISchema.object([
        ("action", .string), ("modulus", int64), ("regex", .string), ("replacement", .string), ("separator", .string),
        ("sourceLabels", strings), ("targetLabel", .string),
    ])
    static let volume = OpenAPISchema.object([
        ("configMap", .object([("defaultMode", int32), ("items", .array(.object([("key", .string), ("mode", int32), ("path", .string)],
                                                                               required: ["key", "path"]), listType: "atomic")),
                               ("name", .string), ("optional", .boolean)])),
        ("csi", .object([("driver", .string), ("fsType", .string), ("nodePublishSecretRef", localReference), ("readOnly", .boolean),
                         ("volumeAttributes", .map(.string))], required: ["driver"])),
        ("emptyDir", .object([("medium", .string), ("sizeLimit", .quantity)])),
        ("hostPath", .object([("path", .string), ("type", .string)], required: ["path"])),
        ("name", .string),
        ("persistentVolumeClaim", .object([("claimName", .string), ("readOnly", .boolean)], required: ["claimName"])),
        ("projected", .object([("defaultMode", int32), ("sources", .array(.object([
            ("configMap", .object([("items", .array(.object([("key", .string), ("mode", int32), ("path", .string)]))), ("name", .string), ("optional", .boolean)])),
            ("downwardAPI", .object([("items", .array(.object([("fieldRef", .object([("apiVersion", .string), ("fieldPath", .string)])), ("mode", int32),
                                                              ("path", .string)])))])),
            ("secret", .object([("items", .array(.object([("key", .string), ("mode", int32), ("path", .string)]))), ("name", .string), ("optional", .boolean)])),
            ("serviceAccountToken", .object([("audience", .string), ("expirationSeconds", int64), ("path", .string)], required: ["path"])),
        ]), listType: "atomic"))])),
        ("secret", .object([("defaultMode", int32), ("items", .array(.object([("key", .string), ("mode", int32), ("path", .string)]))),
                            ("optional", .boolean), ("secretName", .string)])),
    ], required: ["name"])
    static let persistentVolumeClaimSpec = OpenAPISchema.object([
        ("accessModes", .array(.string, listType: "atomic")),
        ("dataSource", .object([("apiGroup", .string), ("kind", .string), ("name", .string)], required: ["kind", "name"])),
        ("resources", .object([("limits", .map(.quantity)), ("requests", .map(.quantity))])),
        ("selector", labelSelector), ("storageClassName", .string), ("volumeAttributesClassName", .string),
        ("volumeMode", .string), ("volumeName", .string),
    ])
}
