import AuditPolicy

/// The `prometheuses.monitoring.coreos.com` CustomResourceDefinition, generated: the
/// Prometheus operator's custom resource with the shape of its spec (its fields embed
/// containers, affinity, volumes, TLS and remote-write settings), described property by
/// property, so that applying it makes one of the largest requests a cluster sees.
/// Descriptions are generated text, not the operator's.
enum PrometheusCRD {
    static let name = "prometheuses.monitoring.coreos.com"

    static var specSchema: OpenAPISchema {
        let k = KubernetesSchemas.self
        let remoteWrite = OpenAPISchema.object([
            ("authorization", k.authorization), ("basicAuth", k.basicAuth), ("enableHTTP2", .boolean), ("followRedirects", .boolean),
            ("headers", .map(.string)),
            ("metadataConfig", .object([("maxSamplesPerSend", k.int32), ("send", .boolean), ("sendInterval", .string)])),
            ("name", .string), ("noProxy", .string), ("oauth2", k.oauth2), ("proxyUrl", .string),
            ("queueConfig", .object([("batchSendDeadline", .string), ("capacity", .integer(format: "int32")), ("maxBackoff", .string),
                                     ("maxRetries", k.int32), ("maxSamplesPerSend", k.int32), ("maxShards", k.int32), ("minBackoff", .string),
                                     ("minShards", k.int32), ("retryOnRateLimit", .boolean), ("sampleAgeLimit", .string)])),
            ("remoteTimeout", .string), ("sendExemplars", .boolean), ("sendNativeHistograms", .boolean),
            ("sigv4", .object([("accessKey", k.keySelector), ("profile", .string), ("region", .string), ("roleArn", .string), ("secretKey", k.keySelector)])),
            ("tlsConfig", k.tlsConfig), ("url", .string), ("writeRelabelConfigs", .array(k.relabelConfig)),
        ], required: ["url"])
        let alertmanagerEndpoint = OpenAPISchema.object([
            ("apiVersion", .string), ("authorization", k.authorization), ("basicAuth", k.basicAuth), ("bearerTokenFile", .string),
            ("enableHttp2", .boolean), ("name", .string), ("namespace", .string), ("pathPrefix", .string), ("port", .intOrString),
            ("relabelings", .array(k.relabelConfig)), ("scheme", .string),
            ("sigv4", .object([("accessKey", k.keySelector), ("profile", .string), ("region", .string), ("roleArn", .string), ("secretKey", k.keySelector)])),
            ("timeout", .string), ("tlsConfig", k.tlsConfig),
        ], required: ["name", "port"])
        let storage = OpenAPISchema.object([
            ("disableMountSubPath", .boolean),
            ("emptyDir", .object([("medium", .string), ("sizeLimit", .quantity)])),
            ("ephemeral", .object([("volumeClaimTemplate", .object([("metadata", .preserveUnknown), ("spec", k.persistentVolumeClaimSpec)], required: ["spec"]))])),
            ("volumeClaimTemplate", .object([("apiVersion", .string), ("kind", .string),
                                             ("metadata", .object([("annotations", .map(.string)), ("labels", .map(.string)), ("name", .string)])),
                                             ("spec", k.persistentVolumeClaimSpec),
                                             ("status", .object([("accessModes", .array(.string, listType: "atomic")), ("capacity", .map(.quantity)),
                                                                 ("phase", .string)]))])),
        ])
        let webTLS = OpenAPISchema.object([
            ("cert", k.secretOrConfigMap), ("certFile", .string), ("cipherSuites", k.strings), ("client_ca", k.secretOrConfigMap),
            ("clientAuthType", .string), ("clientCAFile", .string), ("curvePreferences", k.strings), ("keyFile", .string),
            ("keySecret", k.keySelector), ("maxVersion", .string), ("minVersion", .string), ("preferServerCipherSuites", .boolean),
        ])
        return .object([
            ("additionalAlertManagerConfigs", k.keySelector), ("additionalAlertRelabelConfigs", k.keySelector),
            ("additionalArgs", .array(.object([("name", .string), ("value", .string)], required: ["name"]))),
            ("additionalScrapeConfigs", k.keySelector), ("affinity", k.affinity),
            ("alerting", .object([("alertmanagers", .array(alertmanagerEndpoint))], required: ["alertmanagers"])),
            ("allowOverlappingBlocks", .boolean),
            ("apiserverConfig", .object([("authorization", k.authorization), ("basicAuth", k.basicAuth), ("bearerToken", .string),
                                         ("bearerTokenFile", .string), ("host", .string), ("tlsConfig", k.tlsConfig)], required: ["host"])),
            ("arbitraryFSAccessThroughSMs", .object([("deny", .boolean)])),
            ("automountServiceAccountToken", .boolean), ("baseImage", .string), ("bodySizeLimit", .string),
            ("configMaps", k.strings), ("containers", .array(k.container)),
            ("enableAdminAPI", .boolean), ("enableFeatures", .array(.string, listType: "set")), ("enableRemoteWriteReceiver", .boolean),
            ("enforcedBodySizeLimit", .string), ("enforcedKeepDroppedTargets", k.int64), ("enforcedLabelLimit", k.int64),
            ("enforcedLabelNameLengthLimit", k.int64), ("enforcedLabelValueLengthLimit", k.int64), ("enforcedNamespaceLabel", .string),
            ("enforcedSampleLimit", k.int64), ("enforcedTargetLimit", k.int64), ("evaluationInterval", .string),
            ("excludedFromEnforcement", .array(.object([("group", .string), ("name", .string), ("namespace", .string), ("resource", .string)],
                                                       required: ["namespace", "resource"]))),
            ("exemplars", .object([("maxSize", k.int64)])), ("externalLabels", .map(.string)), ("externalUrl", .string),
            ("hostAliases", .array(.object([("hostnames", k.strings), ("ip", .string)], required: ["hostnames", "ip"]), listType: "map")),
            ("hostNetwork", .boolean), ("ignoreNamespaceSelectors", .boolean), ("image", .string), ("imagePullPolicy", .string),
            ("imagePullSecrets", .array(k.localReference)), ("initContainers", .array(k.container)),
            ("listenLocal", .boolean), ("logFormat", .string), ("logLevel", .string), ("maximumStartupDurationSeconds", k.int32),
            ("minReadySeconds", k.int32), ("nodeSelector", .map(.string)), ("overrideHonorLabels", .boolean),
            ("overrideHonorTimestamps", .boolean), ("paused", .boolean),
            ("podMetadata", .object([("annotations", .map(.string)), ("labels", .map(.string)), ("name", .string)])),
            ("podMonitorNamespaceSelector", k.labelSelector), ("podMonitorSelector", k.labelSelector), ("podTargetLabels", k.strings),
            ("portName", .string), ("priorityClassName", .string), ("probeNamespaceSelector", k.labelSelector),
            ("probeSelector", k.labelSelector), ("prometheusExternalLabelName", .string),
            ("prometheusRulesExcludedFromEnforce", .array(.object([("ruleName", .string), ("ruleNamespace", .string)],
                                                                  required: ["ruleName", "ruleNamespace"]))),
            ("query", .object([("lookbackDelta", .string), ("maxConcurrency", k.int32), ("maxSamples", k.int32), ("timeout", .string)])),
            ("queryLogFile", .string),
            ("remoteRead", .array(.object([("authorization", k.authorization), ("basicAuth", k.basicAuth), ("filterExternalLabels", .boolean),
                                           ("headers", .map(.string)), ("name", .string), ("oauth2", k.oauth2), ("readRecent", .boolean),
                                           ("remoteTimeout", .string), ("requiredMatchers", .map(.string)), ("tlsConfig", k.tlsConfig),
                                           ("url", .string)], required: ["url"]))),
            ("remoteWrite", .array(remoteWrite)),
            ("replicaExternalLabelName", .string), ("replicas", k.int32), ("resources", k.resources), ("retention", .string),
            ("retentionSize", .string), ("routePrefix", .string), ("ruleNamespaceSelector", k.labelSelector),
            ("ruleSelector", k.labelSelector),
            ("rules", .object([("alert", .object([("forGracePeriod", .string), ("forOutageTolerance", .string), ("resendDelay", .string)]))])),
            ("sampleLimit", k.int64),
            ("scrapeClasses", .array(.object([("attachMetadata", .object([("node", .boolean)])), ("default", .boolean),
                                              ("metricRelabelings", .array(k.relabelConfig)), ("name", .string),
                                              ("relabelings", .array(k.relabelConfig)), ("tlsConfig", k.tlsConfig)], required: ["name"]),
                                     listType: "map")),
            ("scrapeConfigNamespaceSelector", k.labelSelector), ("scrapeConfigSelector", k.labelSelector),
            ("scrapeInterval", .string), ("scrapeTimeout", .string), ("secrets", k.strings), ("securityContext", k.podSecurityContext),
            ("serviceAccountName", .string), ("serviceMonitorNamespaceSelector", k.labelSelector),
            ("serviceMonitorSelector", k.labelSelector), ("sha", .string), ("shards", k.int32), ("storage", storage), ("tag", .string),
            ("targetLimit", k.int64),
            ("thanos", .object([("additionalArgs", .array(.object([("name", .string), ("value", .string)], required: ["name"]))),
                                ("baseImage", .string), ("blockSize", .string), ("getConfigInterval", .string), ("getConfigTimeout", .string),
                                ("grpcListenLocal", .boolean), ("grpcServerTlsConfig", k.tlsConfig), ("httpListenLocal", .boolean),
                                ("image", .string), ("listenLocal", .boolean), ("logFormat", .string), ("logLevel", .string),
                                ("minTime", .string), ("objectStorageConfig", k.keySelector), ("objectStorageConfigFile", .string),
                                ("readyTimeout", .string), ("resources", k.resources), ("sha", .string), ("tag", .string),
                                ("tracingConfig", k.keySelector), ("tracingConfigFile", .string), ("version", .string),
                                ("volumeMounts", .array(k.volumeMount))])),
            ("tolerations", .array(k.toleration)), ("topologySpreadConstraints", .array(k.topologySpreadConstraint)),
            ("tracingConfig", .object([("clientType", .string), ("compression", .string), ("endpoint", .string), ("headers", .map(.string)),
                                       ("insecure", .boolean), ("samplingFraction", .quantity), ("timeout", .string), ("tlsConfig", k.tlsConfig)],
                                      required: ["endpoint"])),
            ("tsdb", .object([("outOfOrderTimeWindow", .string)])), ("version", .string),
            ("volumeMounts", .array(k.volumeMount)), ("volumes", .array(k.volume)), ("walCompression", .boolean),
            ("web", .object([("httpConfig", .object([("headers", .object([("contentSecurityPolicy", .string), ("strictTransportSecurity", .string),
                                                                          ("xContentTypeOptions", .string), ("xFrameOptions", .string),
                                                                          ("xXSSProtection", .string)])), ("http2", .boolean)])),
                             ("maxConnections", k.int32), ("pageTitle", .string), ("tlsConfig", webTLS)])),
        ])
    }

    static var statusSchema: OpenAPISchema {
        .object([
            ("availableReplicas", KubernetesSchemas.int32),
            ("conditions", .array(.object([("lastTransitionTime", .string), ("message", .string), ("observedGeneration", KubernetesSchemas.int64),
                                           ("reason", .string), ("status", .string), ("type", .string)],
                                          required: ["lastTransitionTime", "status", "type"]), listType: "map")),
            ("paused", .boolean), ("replicas", KubernetesSchemas.int32), ("selector", .string),
            ("shardStatuses", .array(.object([("availableReplicas", KubernetesSchemas.int32), ("replicas", KubernetesSchemas.int32),
                                              ("shardID", .string), ("unavailableReplicas", KubernetesSchemas.int32),
                                              ("updatedReplicas", KubernetesSchemas.int32)],
                                             required: ["availableReplicas", "replicas", "shardID", "unavailableReplicas", "updatedReplicas"]),
                                     listType: "map")),
            ("shards", KubernetesSchemas.int32), ("unavailableReplicas", KubernetesSchemas.int32), ("updatedReplicas", KubernetesSchemas.int32),
        ], required: ["availableReplicas", "replicas", "unavailableReplicas", "updatedReplicas"])
    }

    /// A deterministic description for a property: generated sentences about it, about
    /// `sentences` long (the operator's own descriptions run to several sentences).
    static func describer(sentences: Int) -> (String) -> String {
        let subjects = ["the Prometheus pods", "the operator", "each shard", "the StatefulSet", "the scrape loop", "the remote endpoint",
                        "the TSDB", "the web server", "the rule evaluation", "the sidecar"]
        let verbs = ["configures", "limits", "selects", "overrides", "defines", "enables", "sets", "controls"]
        let tails = ["when the field is unset, the default of the operator applies",
                     "it is passed to the container as a command-line flag",
                     "changes roll out to every replica & shard",
                     "values must match the pattern documented for the upstream field",
                     "see https://prometheus-operator.dev/docs/api-reference/api/?field=name&kind=Prometheus for details",
                     "the operator rejects values < 0 or > the cluster maximum",
                     "only applies when `spec.shards` is greater than 1",
                     "deprecated: use the matching field of the scrape class instead"]
        return { property in
            var random = SplitMix64(seed: UInt64(bitPattern: property.hashValueStable))
            var text = "\(property) \(random.pick(verbs)) how \(random.pick(subjects)) behave."
            var unused = tails
            for _ in 1..<min(sentences, tails.count + 1) {
                let tail = unused.remove(at: random.int(in: 0...(unused.count - 1)))
                text += " " + tail.prefix(1).uppercased() + tail.dropFirst() + "."
            }
            return text
        }
    }

    /// The CRD manifest as `kubectl apply --server-side` sends it (JSON with sorted keys).
    static func applyPatch(sentences: Int) -> CorpusJSON {
        [
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": ["annotations": .map(annotations), "name": .string(name)],
            "spec": [
                "group": "monitoring.coreos.com",
                "names": ["categories": ["prometheus-operator"], "kind": "Prometheus", "listKind": "PrometheusList",
                          "plural": "prometheuses", "shortNames": ["prom"], "singular": "prometheus"],
                "scope": "Namespaced",
                "versions": [[
                    "additionalPrinterColumns": .array(printerColumns.map { column in
                        .object(omittingNil: [("description", column.description.map(CorpusJSON.string)), ("jsonPath", .string(column.path)),
                                              ("name", .string(column.name)), ("type", .string(column.type))])
                    }),
                    "name": "v1",
                    "schema": ["openAPIV3Schema": schema(sortedKeys: true, sentences: sentences)],
                    "served": true,
                    "storage": true,
                    "subresources": ["scale": ["labelSelectorPath": ".status.selector", "specReplicasPath": ".spec.shards",
                                               "statusReplicasPath": ".status.shards"], "status": .object([])],
                ]],
            ],
        ]
    }

    /// The CRD as the API server returns it after the apply created it.
    static func created(uid: String, resourceVersion: String, at time: CorpusTime, sentences: Int) -> CorpusJSON {
        [
            "kind": "CustomResourceDefinition",
            "apiVersion": "apiextensions.k8s.io/v1",
            "metadata": ObjectMetadata.metadata(
                name: name, uid: uid, resourceVersion: resourceVersion, generation: 1, created: time, annotations: annotations,
                managedFields: [ObjectMetadata.managedField(manager: "kubectl", operation: "Apply", apiVersion: "apiextensions.k8s.io/v1", time: time, fields: [
                    "f:metadata": ["f:annotations": ObjectMetadata.fieldSet(annotations.map(\.0))],
                    "f:spec": ["f:group": .object([]),
                               "f:names": ObjectMetadata.fieldSet(["categories", "kind", "listKind", "plural", "shortNames", "singular"]),
                               "f:scope": .object([]), "f:versions": .object([])],
                ])]
            ),
            "spec": [
                "group": "monitoring.coreos.com",
                "names": ["plural": "prometheuses", "singular": "prometheus", "shortNames": ["prom"], "kind": "Prometheus",
                          "listKind": "PrometheusList", "categories": ["prometheus-operator"]],
                "scope": "Namespaced",
                "versions": [[
                    "name": "v1", "served": true, "storage": true,
                    "schema": ["openAPIV3Schema": schema(sortedKeys: false, sentences: sentences)],
                    "subresources": ["status": .object([]), "scale": ["specReplicasPath": ".spec.shards", "statusReplicasPath": ".status.shards",
                                                                      "labelSelectorPath": ".status.selector"]],
                    "additionalPrinterColumns": .array(printerColumns.map { column in
                        .object(omittingNil: [("name", .string(column.name)), ("type", .string(column.type)),
                                              ("description", column.description.map(CorpusJSON.string)), ("jsonPath", .string(column.path))])
                    }),
                ]],
                "conversion": ["strategy": "None"],
            ],
            "status": ["acceptedNames": ["plural": "", "kind": ""], "storedVersions": ["v1"]],
        ]
    }

    private static let annotations: [(String, String)] = [
        ("controller-gen.kubebuilder.io/version", "v0.18.0"), ("operator.prometheus.io/version", "0.85.0"),
    ]

    private static let printerColumns: [(name: String, type: String, description: String?, path: String)] = [
        ("Version", "string", "The version of Prometheus", ".spec.version"),
        ("Desired", "integer", "The number of desired replicas", ".spec.replicas"),
        ("Ready", "integer", "The number of ready replicas", ".status.availableReplicas"),
        ("Reconciled", "string", nil, ".status.conditions[?(@.type == 'Reconciled')].status"),
        ("Available", "string", nil, ".status.conditions[?(@.type == 'Available')].status"),
        ("Age", "date", nil, ".metadata.creationTimestamp"),
        ("Paused", "boolean", "Whether the resource reconciliation is paused or not", ".status.paused"),
    ]

    private static func schema(sortedKeys: Bool, sentences: Int) -> CorpusJSON {
        let root = OpenAPISchema.object([
            ("apiVersion", .string), ("kind", .string), ("metadata", .object([])), ("spec", specSchema), ("status", statusSchema),
        ], required: ["spec"])
        return root.json(description: "The Prometheus custom resource: a Prometheus deployment the operator manages.",
                         sortedKeys: sortedKeys, describe: describer(sentences: sentences))
    }
}
