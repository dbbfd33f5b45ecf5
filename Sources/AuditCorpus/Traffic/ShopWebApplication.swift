/// The `web` application of namespace shop that CI deploys: its Deployment, current
/// ReplicaSet, Service, endpoints and ConfigMap, as they evolve from deploy to deploy.
final class ShopWebApplication {
    static let namespace = "shop"
    static let name = "web"
    static let imageRepository = "111122223333.dkr.ecr.us-east-1.amazonaws.com/shop/web"

    var deployment: WorkloadObjects.DeploymentState
    var replicaSet: WorkloadObjects.ReplicaSetState
    let serviceUID: String
    var serviceResourceVersion: String
    let serviceCreated: CorpusTime
    let clusterIP: String
    let sliceName: String
    let sliceUID: String
    var sliceResourceVersion: String
    let endpointsUID: String
    var endpointsResourceVersion: String
    let configMapUID: String
    var configMapResourceVersion: String
    var configMapRevision = 41
    /// The minor version of the image now deployed (web:1.MINOR.0).
    var imageMinor = 42

    init(_ context: CorpusContext, start: CorpusTime) {
        let created = start + -Int64(41 * 86_400) * CorpusTime.second
        let pods = context.pods.filter { $0.namespace == Self.namespace && $0.app == Self.name }
        let deploymentUID = context.random.uuid()
        let hash = pods.first?.templateHash ?? KubernetesNames.suffix(10, random: &context.random)
        deployment = WorkloadObjects.DeploymentState(
            name: Self.name, namespace: Self.namespace, uid: deploymentUID, resourceVersion: context.nextResourceVersion(),
            generation: 17, created: created, image: "\(Self.imageRepository):1.42.0", replicas: 3, revision: 17,
            lastApplied: "", updatedReplicas: 3, readyReplicas: 3, observedGeneration: 17,
            progressingSince: start + -Int64(2 * 86_400) * CorpusTime.second, updated: start + -Int64(2 * 86_400) * CorpusTime.second,
            currentTemplateHash: hash
        )
        replicaSet = WorkloadObjects.ReplicaSetState(
            name: "\(Self.name)-\(hash)", namespace: Self.namespace, uid: pods.first?.owner.uid ?? context.random.uuid(),
            resourceVersion: context.nextResourceVersion(), generation: 1, created: start + -Int64(2 * 86_400) * CorpusTime.second,
            templateHash: hash, image: "\(Self.imageRepository):1.42.0", replicas: 3, readyReplicas: 3, revision: 17,
            deploymentName: Self.name, deploymentUID: deploymentUID, app: Self.name
        )
        serviceUID = context.random.uuid()
        serviceResourceVersion = context.nextResourceVersion()
        serviceCreated = created
        clusterIP = "172.20.\(context.random.int(in: 0...255)).\(context.random.int(in: 1...254))"
        sliceName = "\(Self.name)-" + KubernetesNames.suffix(5, random: &context.random)
        sliceUID = context.random.uuid()
        sliceResourceVersion = context.nextResourceVersion()
        endpointsUID = context.random.uuid()
        endpointsResourceVersion = context.nextResourceVersion()
        configMapUID = context.random.uuid()
        configMapResourceVersion = context.nextResourceVersion()
        deployment.lastApplied = lastAppliedDeployment()
    }

    var image: String { "\(Self.imageRepository):1.\(imageMinor).0" }

    /// kubectl's last-applied-configuration of the Deployment: the manifest as applied,
    /// keys sorted (kubectl encodes it from an unstructured map), with a final newline.
    func lastAppliedDeployment() -> String {
        let manifest: CorpusJSON = [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["annotations": .object([]), "labels": ["app": .string(Self.name)], "name": .string(Self.name), "namespace": .string(Self.namespace)],
            "spec": [
                "replicas": 3,
                "selector": ["matchLabels": ["app": .string(Self.name)]],
                "template": [
                    "metadata": ["labels": ["app": .string(Self.name)]],
                    "spec": [
                        "containers": [[
                            "image": .string(image), "name": .string(Self.name),
                            "ports": [["containerPort": 8080, "name": "http"]],
                            "readinessProbe": ["httpGet": ["path": "/healthz", "port": "http"], "periodSeconds": 5],
                            "resources": ["limits": ["memory": "512Mi"], "requests": ["cpu": "250m", "memory": "256Mi"]],
                        ]],
                        "serviceAccountName": .string(Self.name),
                    ],
                ],
            ],
        ]
        return String(decoding: manifest.encoded, as: UTF8.self) + "\n"
    }

    func lastAppliedService() -> String {
        let manifest: CorpusJSON = [
            "apiVersion": "v1", "kind": "Service",
            "metadata": ["annotations": .object([]), "labels": ["app": .string(Self.name)], "name": .string(Self.name), "namespace": .string(Self.namespace)],
            "spec": ["ports": [["name": "http", "port": 80, "targetPort": "http"]], "selector": ["app": .string(Self.name)]],
        ]
        return String(decoding: manifest.encoded, as: UTF8.self) + "\n"
    }

    /// The application's settings, with a feature-flag list that changes on each deploy.
    func configData() -> [(String, String)] {
        [
            ("CHECKOUT_URL", "https://checkout.shop.example.com/v2?region=us-east-1&currency=USD"),
            ("FEATURE_FLAGS", "new-cart,fast-search,reviews-v\(configMapRevision % 5 + 1)"),
            ("LOG_LEVEL", "info"),
            ("banner.html", "<div class=\"banner\">Free shipping on orders over $50 &amp; easy returns</div>"),
        ]
    }

    func lastAppliedConfigMap() -> String {
        let manifest: CorpusJSON = [
            "apiVersion": "v1",
            "data": .map(configData()),
            "kind": "ConfigMap",
            "metadata": ["annotations": .object([]), "name": "web-config", "namespace": .string(Self.namespace)],
        ]
        return String(decoding: manifest.encoded, as: UTF8.self) + "\n"
    }

    func configMap(created: CorpusTime, updated: CorpusTime) -> CorpusJSON {
        WorkloadObjects.configMap(
            name: "web-config", namespace: Self.namespace, uid: configMapUID, resourceVersion: configMapResourceVersion, created: created,
            data: configData(), annotations: [("kubectl.kubernetes.io/last-applied-configuration", lastAppliedConfigMap())],
            managedFields: [ObjectMetadata.managedField(manager: "kubectl-client-side-apply", apiVersion: "v1", time: updated, fields: [
                "f:data": ObjectMetadata.fieldSet(configData().map(\.0)),
                "f:metadata": ["f:annotations": .object([(".", .object([])), ("f:kubectl.kubernetes.io/last-applied-configuration", .object([]))])],
            ])]
        )
    }

    func service() -> CorpusJSON {
        WorkloadObjects.service(name: Self.name, namespace: Self.namespace, uid: serviceUID, resourceVersion: serviceResourceVersion,
                                created: serviceCreated, clusterIP: clusterIP, lastApplied: lastAppliedService())
    }
}
