import AuditPolicy
import Foundation

/// A deterministic corpus of realistic EKS control-plane audit events at RequestResponse level,
/// in kube-apiserver's log-backend form, as large as asked: kubelet leases and node status,
/// controllers, list and watch traffic, pod creation (RequestReceived + ResponseComplete),
/// failed authentications, health checks, token reviews, and a rare ConfigMap apply over 256 KiB.
/// Each event gets a fresh auditID; node names, UIDs, resourceVersions and timestamps vary.
struct BenchCorpus {
    /// A kind of request, how often it occurs, and its events in order.
    private struct Kind {
        var weight: Int
        var events: [BenchTemplate]
    }

    private let kinds: [Kind]
    private let totalWeight: Int
    private var random: SplitMix64
    private var clockMicros: Int64 = 1_714_564_800_000_000 // 2024-05-01T12:00:00Z

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        kinds = Self.makeKinds()
        totalWeight = kinds.reduce(0) { $0 + $1.weight }
    }

    /// Appends generated events (one per line) to `output` until it holds at least `bytes` more.
    mutating func generate(bytes: Int, into output: inout [UInt8]) {
        let target = output.count + bytes
        while output.count < target {
            var pick = Int(random.next() % UInt64(totalWeight))
            var kind = kinds[0]
            for candidate in kinds {
                if pick < candidate.weight { kind = candidate; break }
                pick -= candidate.weight
            }
            let id = uuid()
            let node = String(format: "%04d", Int(random.next() % 5000))
            let uid = uuid()
            let resourceVersion = String(format: "%09d", Int(random.next() % 1_000_000_000))
            clockMicros += Int64(random.next() % 2000)
            let received = Self.timestamp(clockMicros)
            let staged = Self.timestamp(clockMicros + Int64(random.next() % 50_000))
            for template in kind.events {
                for segment in template.segments {
                    switch segment {
                    case .literal(let bytes): output.append(contentsOf: bytes)
                    case .hole(.auditID): output.append(contentsOf: id.utf8)
                    case .hole(.received): output.append(contentsOf: received.utf8)
                    case .hole(.staged): output.append(contentsOf: staged.utf8)
                    case .hole(.node): output.append(contentsOf: node.utf8)
                    case .hole(.resourceVersion): output.append(contentsOf: resourceVersion.utf8)
                    case .hole(.uid): output.append(contentsOf: uid.utf8)
                    }
                }
                output.append(UInt8(ascii: "\n"))
            }
        }
    }

    private mutating func uuid() -> String {
        let high = random.next(), low = random.next()
        let hex = String(format: "%016llx%016llx", high, low)
        let characters = Array(hex)
        return String(characters[0..<8]) + "-" + String(characters[8..<12]) + "-" + String(characters[12..<16]) + "-"
            + String(characters[16..<20]) + "-" + String(characters[20..<32])
    }

    /// `2024-05-01T12:00:00.000000Z`.
    private static func timestamp(_ micros: Int64) -> String {
        let seconds = micros / 1_000_000
        let fraction = Int(micros % 1_000_000)
        var time = tm()
        var value = time_t(seconds)
        gmtime_r(&value, &time)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ",
            Int(time.tm_year) + 1900, Int(time.tm_mon) + 1, Int(time.tm_mday), Int(time.tm_hour), Int(time.tm_min), Int(time.tm_sec), fraction
        )
    }

    // MARK: - Templates

    private static let header = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"{id}","#
    private static let allow = #""annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":""}}"#
    private static let times = #""requestReceivedTimestamp":"{received}","stageTimestamp":"{stage}","#
    private static let nodeUser = #""user":{"username":"system:node:ip-192-168-{n}.us-west-2.compute.internal","uid":"aws-iam-authenticator:111122223333:AROAEXAMPLEID","groups":["system:bootstrappers","system:nodes","system:authenticated"],"extra":{"accessKeyId":["ASIAEXAMPLEKEYID"],"arn":["arn:aws:sts::111122223333:assumed-role/eks-node-group-role/i-0123456789abcdef0"],"canonicalArn":["arn:aws:iam::111122223333:role/eks-node-group-role"],"principalId":["AROAEXAMPLEID"],"sessionName":["i-0123456789abcdef0"]}},"sourceIPs":["192.168.12.34"],"userAgent":"kubelet/v1.30.4 (linux/amd64) kubernetes/a1b2c3d","#
    private static let controllerUser = #""user":{"username":"system:serviceaccount:kube-system:deployment-controller","uid":"6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b","groups":["system:serviceaccounts","system:serviceaccounts:kube-system","system:authenticated"]},"sourceIPs":["10.0.101.12"],"userAgent":"kube-controller-manager/v1.30.4 (linux/amd64) kubernetes/a1b2c3d/system:serviceaccount:kube-system:deployment-controller","#
    private static let managedFields = #""managedFields":[{"manager":"kubelet","operation":"Update","apiVersion":"coordination.k8s.io/v1","time":"2024-05-01T12:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:ownerReferences":{".":{},"k:{\"uid\":\"1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d\"}":{}}},"f:spec":{"f:holderIdentity":{},"f:leaseDurationSeconds":{},"f:renewTime":{}}}}]"#
    private static let lease = #"{"kind":"Lease","apiVersion":"coordination.k8s.io/v1","metadata":{"name":"ip-192-168-{n}.us-west-2.compute.internal","namespace":"kube-node-lease","uid":"{uid}","resourceVersion":"{rv}","creationTimestamp":"2024-04-01T10:00:00Z","ownerReferences":[{"apiVersion":"v1","kind":"Node","name":"ip-192-168-{n}.us-west-2.compute.internal","uid":"1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"}],"# + managedFields + #"},"spec":{"holderIdentity":"ip-192-168-{n}.us-west-2.compute.internal","leaseDurationSeconds":40,"renewTime":"2024-05-01T12:00:00.000000Z"}}"#

    private static func pod(_ index: Int) -> String {
        #"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-7d4b9c8f6d-x\#(index)k2p","generateName":"web-7d4b9c8f6d-","namespace":"shop","uid":"{uid}","resourceVersion":"{rv}","creationTimestamp":"2024-05-01T11:00:00Z","labels":{"app":"web","pod-template-hash":"7d4b9c8f6d"},"annotations":{"kubernetes.io/psp":"eks.privileged"},"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7d4b9c8f6d","uid":"2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e","controller":true,"blockOwnerDeletion":true}],"managedFields":[{"manager":"kube-controller-manager","operation":"Update","apiVersion":"v1","time":"2024-05-01T11:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:generateName":{},"f:labels":{".":{},"f:app":{},"f:pod-template-hash":{}},"f:ownerReferences":{".":{},"k:{\"uid\":\"2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e\"}":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:imagePullPolicy":{},"f:name":{},"f:ports":{".":{},"k:{\"containerPort\":8080,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:protocol":{}}},"f:resources":{".":{},"f:limits":{".":{},"f:memory":{}},"f:requests":{".":{},"f:cpu":{},"f:memory":{}}}}},"f:dnsPolicy":{},"f:enableServiceLinks":{},"f:restartPolicy":{},"f:schedulerName":{},"f:securityContext":{},"f:terminationGracePeriodSeconds":{}}}},{"manager":"kubelet","operation":"Update","apiVersion":"v1","time":"2024-05-01T11:00:05Z","fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:conditions":{"k:{\"type\":\"Ready\"}":{".":{},"f:lastProbeTime":{},"f:lastTransitionTime":{},"f:status":{},"f:type":{}}},"f:containerStatuses":{},"f:hostIP":{},"f:phase":{},"f:podIP":{},"f:startTime":{}}},"subresource":"status"}]},"spec":{"volumes":[{"name":"kube-api-access-abcde","projected":{"sources":[{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}},{"configMap":{"name":"kube-root-ca.crt","items":[{"key":"ca.crt","path":"ca.crt"}]}},{"downwardAPI":{"items":[{"path":"namespace","fieldRef":{"apiVersion":"v1","fieldPath":"metadata.namespace"}}]}}],"defaultMode":420}}],"containers":[{"name":"web","image":"111122223333.dkr.ecr.us-west-2.amazonaws.com/web:1.4.2","ports":[{"containerPort":8080,"protocol":"TCP"}],"resources":{"limits":{"memory":"512Mi"},"requests":{"cpu":"250m","memory":"256Mi"}},"volumeMounts":[{"name":"kube-api-access-abcde","readOnly":true,"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],"restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","serviceAccountName":"default","serviceAccount":"default","nodeName":"ip-192-168-{n}.us-west-2.compute.internal","securityContext":{},"schedulerName":"default-scheduler","tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300},{"key":"node.kubernetes.io/unreachable","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}],"priority":0,"enableServiceLinks":true,"preemptionPolicy":"PreemptLowerPriority"},"status":{"phase":"Running","conditions":[{"type":"Ready","status":"True","lastProbeTime":null,"lastTransitionTime":"2024-05-01T11:00:05Z"}],"hostIP":"192.168.12.34","podIP":"192.168.40.\#(index)","startTime":"2024-05-01T11:00:00Z","containerStatuses":[{"name":"web","state":{"running":{"startedAt":"2024-05-01T11:00:04Z"}},"lastState":{},"ready":true,"restartCount":0,"image":"111122223333.dkr.ecr.us-west-2.amazonaws.com/web:1.4.2","imageID":"111122223333.dkr.ecr.us-west-2.amazonaws.com/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","containerID":"containerd://0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","started":true}],"qosClass":"Burstable"}}"#
    }

    private static func makeKinds() -> [Kind] {
        let leaseUpdate = header + #""stage":"ResponseComplete","requestURI":"/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/ip-192-168-{n}.us-west-2.compute.internal?timeout=10s","verb":"update","# + nodeUser + #""objectRef":{"resource":"leases","namespace":"kube-node-lease","name":"ip-192-168-{n}.us-west-2.compute.internal","uid":"{uid}","apiGroup":"coordination.k8s.io","apiVersion":"v1","resourceVersion":"{rv}"},"responseStatus":{"metadata":{},"code":200},"requestObject":"# + lease + #","responseObject":"# + lease + "," + times + allow

        let nodeStatusPatch = header + #""stage":"ResponseComplete","requestURI":"/api/v1/nodes/ip-192-168-{n}.us-west-2.compute.internal/status?timeout=10s","verb":"patch","# + nodeUser + #""objectRef":{"resource":"nodes","name":"ip-192-168-{n}.us-west-2.compute.internal","apiVersion":"v1","subresource":"status"},"responseStatus":{"metadata":{},"code":200},"requestObject":{"status":{"$setElementOrder/conditions":[{"type":"MemoryPressure"},{"type":"DiskPressure"},{"type":"PIDPressure"},{"type":"Ready"}],"conditions":[{"lastHeartbeatTime":"2024-05-01T12:00:00Z","type":"MemoryPressure"},{"lastHeartbeatTime":"2024-05-01T12:00:00Z","type":"DiskPressure"},{"lastHeartbeatTime":"2024-05-01T12:00:00Z","type":"PIDPressure"},{"lastHeartbeatTime":"2024-05-01T12:00:00Z","type":"Ready"}]}},"responseObject":{"kind":"Node","apiVersion":"v1","metadata":{"name":"ip-192-168-{n}.us-west-2.compute.internal","uid":"{uid}","resourceVersion":"{rv}","creationTimestamp":"2024-04-01T10:00:00Z","labels":{"beta.kubernetes.io/arch":"amd64","beta.kubernetes.io/instance-type":"m5.large","beta.kubernetes.io/os":"linux","eks.amazonaws.com/capacityType":"ON_DEMAND","eks.amazonaws.com/nodegroup":"general","kubernetes.io/arch":"amd64","kubernetes.io/hostname":"ip-192-168-{n}.us-west-2.compute.internal","kubernetes.io/os":"linux","node.kubernetes.io/instance-type":"m5.large","topology.kubernetes.io/region":"us-west-2","topology.kubernetes.io/zone":"us-west-2a"},"annotations":{"alpha.kubernetes.io/provided-node-ip":"192.168.12.34","node.alpha.kubernetes.io/ttl":"0","volumes.kubernetes.io/controller-managed-attach-detach":"true"}},"spec":{"providerID":"aws:///us-west-2a/i-0123456789abcdef0"},"status":{"capacity":{"cpu":"2","ephemeral-storage":"20959212Ki","hugepages-1Gi":"0","hugepages-2Mi":"0","memory":"7934464Ki","pods":"29"},"allocatable":{"cpu":"1930m","ephemeral-storage":"18242267924","hugepages-1Gi":"0","hugepages-2Mi":"0","memory":"7244288Ki","pods":"29"},"conditions":[{"type":"MemoryPressure","status":"False","lastHeartbeatTime":"2024-05-01T12:00:00Z","lastTransitionTime":"2024-04-01T10:00:00Z","reason":"KubeletHasSufficientMemory","message":"kubelet has sufficient memory available"},{"type":"DiskPressure","status":"False","lastHeartbeatTime":"2024-05-01T12:00:00Z","lastTransitionTime":"2024-04-01T10:00:00Z","reason":"KubeletHasNoDiskPressure","message":"kubelet has no disk pressure"},{"type":"PIDPressure","status":"False","lastHeartbeatTime":"2024-05-01T12:00:00Z","lastTransitionTime":"2024-04-01T10:00:00Z","reason":"KubeletHasSufficientPID","message":"kubelet has sufficient PID available"},{"type":"Ready","status":"True","lastHeartbeatTime":"2024-05-01T12:00:00Z","lastTransitionTime":"2024-04-01T10:00:20Z","reason":"KubeletReady","message":"kubelet is posting ready status"}],"addresses":[{"type":"InternalIP","address":"192.168.12.34"},{"type":"Hostname","address":"ip-192-168-{n}.us-west-2.compute.internal"}],"daemonEndpoints":{"kubeletEndpoint":{"Port":10250}},"nodeInfo":{"machineID":"ec2abcdef0123456789abcdef0123456","systemUUID":"ec2abcde-f012-3456-789a-bcdef0123456","bootID":"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0","kernelVersion":"5.10.215-203.850.amzn2.x86_64","osImage":"Amazon Linux 2","containerRuntimeVersion":"containerd://1.7.11","kubeletVersion":"v1.30.4-eks-036c24b","kubeProxyVersion":"v1.30.4-eks-036c24b","operatingSystem":"linux","architecture":"amd64"}}},"# + times + allow

        let configMapGet = header + #""stage":"ResponseComplete","requestURI":"/api/v1/namespaces/kube-system/configmaps/aws-auth","verb":"get","user":{"username":"system:serviceaccount:kube-system:aws-node","uid":"3d4e5f60-7182-4c9d-8e0f-1a2b3c4d5e6f","groups":["system:serviceaccounts","system:serviceaccounts:kube-system","system:authenticated"],"extra":{"authentication.kubernetes.io/pod-name":["aws-node-x7k2p"],"authentication.kubernetes.io/pod-uid":["4e5f6071-8293-4dae-9f10-2b3c4d5e6f70"]}},"sourceIPs":["192.168.12.34"],"userAgent":"aws-node/v1.18.1 (linux/amd64) kubernetes/$Format","objectRef":{"resource":"configmaps","namespace":"kube-system","name":"aws-auth","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"responseObject":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"aws-auth","namespace":"kube-system","uid":"{uid}","resourceVersion":"{rv}","creationTimestamp":"2024-04-01T09:50:00Z"},"data":{"mapRoles":"- groups:\n  - system:bootstrappers\n  - system:nodes\n  rolearn: arn:aws:iam::111122223333:role/eks-node-group-role\n  username: system:node:{{EC2PrivateDNSName}}\n"}},"# + times + allow

        let watch = [
            header + #""stage":"ResponseStarted","requestURI":"/api/v1/namespaces/shop/configmaps?allowWatchBookmarks=true\u0026resourceVersion={rv}\u0026timeout=7m41s\u0026timeoutSeconds=461\u0026watch=true","verb":"watch","# + controllerUser + #""objectRef":{"resource":"configmaps","namespace":"shop","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"# + times + allow,
            header + #""stage":"ResponseComplete","requestURI":"/api/v1/namespaces/shop/configmaps?allowWatchBookmarks=true\u0026resourceVersion={rv}\u0026timeout=7m41s\u0026timeoutSeconds=461\u0026watch=true","verb":"watch","# + controllerUser + #""objectRef":{"resource":"configmaps","namespace":"shop","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"# + times + allow,
        ]

        let podCreateRequest = header + #""stage":"RequestReceived","requestURI":"/api/v1/namespaces/shop/pods","verb":"create","user":{"username":"system:serviceaccount:kube-system:replicaset-controller","uid":"5f607182-93a4-4ebf-a021-3c4d5e6f7081","groups":["system:serviceaccounts","system:serviceaccounts:kube-system","system:authenticated"]},"sourceIPs":["10.0.101.12"],"userAgent":"kube-controller-manager/v1.30.4 (linux/amd64) kubernetes/a1b2c3d/system:serviceaccount:kube-system:replicaset-controller","objectRef":{"resource":"pods","namespace":"shop","apiVersion":"v1"},"# + times.replacingOccurrences(of: "{stage}", with: "{received}").dropLast() + "}"
        let podCreate = [
            podCreateRequest,
            header + #""stage":"ResponseComplete","requestURI":"/api/v1/namespaces/shop/pods","verb":"create","user":{"username":"system:serviceaccount:kube-system:replicaset-controller","uid":"5f607182-93a4-4ebf-a021-3c4d5e6f7081","groups":["system:serviceaccounts","system:serviceaccounts:kube-system","system:authenticated"]},"sourceIPs":["10.0.101.12"],"userAgent":"kube-controller-manager/v1.30.4 (linux/amd64) kubernetes/a1b2c3d/system:serviceaccount:kube-system:replicaset-controller","objectRef":{"resource":"pods","namespace":"shop","name":"web-7d4b9c8f6d-x1k2p","uid":"{uid}","apiVersion":"v1","resourceVersion":"{rv}"},"responseStatus":{"metadata":{},"code":201},"requestObject":"# + pod(1) + #","responseObject":"# + pod(1) + "," + times + #""annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":"RBAC: allowed by ClusterRoleBinding \"system:controller:replicaset-controller\" of ClusterRole \"system:controller:replicaset-controller\" to ServiceAccount \"replicaset-controller/kube-system\"","pod-security.kubernetes.io/enforce-policy":"privileged:latest"}}"#,
        ]

        let podList = header + #""stage":"ResponseComplete","requestURI":"/api/v1/namespaces/shop/pods?limit=500","verb":"list","user":{"username":"kubernetes-admin","uid":"aws-iam-authenticator:111122223333:AIDAEXAMPLEID","groups":["system:masters","system:authenticated"]},"sourceIPs":["203.0.113.10"],"userAgent":"kubectl/v1.30.2 (darwin/arm64) kubernetes/39683505","objectRef":{"resource":"pods","namespace":"shop","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"responseObject":{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"{rv}"},"items":["# + (1...8).map(pod).joined(separator: ",") + "]}," + times + allow

        let failedAuthentication = #"{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"{id}","stage":"ResponseStarted","requestURI":"/api/v1/namespaces/kube-system/secrets","verb":"list","user":{},"sourceIPs":["198.51.100.23"],"userAgent":"python-requests/2.31.0","objectRef":{"resource":"secrets","namespace":"kube-system","apiVersion":"v1"},"responseStatus":{"metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401},"responseObject":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401},"requestReceivedTimestamp":"{received}","stageTimestamp":"{stage}"}"#

        let health = header + #""stage":"ResponseComplete","requestURI":"/readyz","verb":"get","user":{"username":"system:anonymous","groups":["system:unauthenticated"]},"sourceIPs":["10.0.0.5"],"userAgent":"ELB-HealthChecker/2.0","responseStatus":{"metadata":{},"code":200},"# + times + #""annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":"RBAC: allowed by ClusterRoleBinding \"system:public-info-viewer\" of ClusterRole \"system:public-info-viewer\" to Group \"system:unauthenticated\""}}"#

        let deploymentStatus = header + #""stage":"ResponseComplete","requestURI":"/apis/apps/v1/namespaces/shop/deployments/web/status","verb":"update","# + controllerUser + #""objectRef":{"resource":"deployments","namespace":"shop","name":"web","uid":"{uid}","apiGroup":"apps","apiVersion":"v1","resourceVersion":"{rv}","subresource":"status"},"responseStatus":{"metadata":{},"code":200},"requestObject":{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","namespace":"shop","uid":"{uid}","resourceVersion":"{rv}","generation":12,"creationTimestamp":"2024-04-01T10:00:00Z","labels":{"app":"web"},"annotations":{"deployment.kubernetes.io/revision":"12"},"managedFields":[{"manager":"kubectl-client-side-apply","operation":"Update","apiVersion":"apps/v1","time":"2024-04-01T10:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}}}}}},{"manager":"kube-controller-manager","operation":"Update","apiVersion":"apps/v1","time":"2024-05-01T12:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:status":{"f:availableReplicas":{},"f:conditions":{},"f:observedGeneration":{},"f:readyReplicas":{},"f:replicas":{},"f:updatedReplicas":{}}},"subresource":"status"}]},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"111122223333.dkr.ecr.us-west-2.amazonaws.com/web:1.4.2","ports":[{"containerPort":8080,"protocol":"TCP"}],"resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],"restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","securityContext":{},"schedulerName":"default-scheduler"}},"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":"25%","maxSurge":"25%"}},"revisionHistoryLimit":10,"progressDeadlineSeconds":600},"status":{"observedGeneration":12,"replicas":3,"updatedReplicas":3,"readyReplicas":3,"availableReplicas":3,"conditions":[{"type":"Available","status":"True","lastUpdateTime":"2024-04-01T10:00:30Z","lastTransitionTime":"2024-04-01T10:00:30Z","reason":"MinimumReplicasAvailable","message":"Deployment has minimum availability."},{"type":"Progressing","status":"True","lastUpdateTime":"2024-05-01T12:00:00Z","lastTransitionTime":"2024-04-01T10:00:00Z","reason":"NewReplicaSetAvailable","message":"ReplicaSet \"web-7d4b9c8f6d\" has successfully progressed."}]}},"# + times + allow

        let tokenReview = header + #""stage":"ResponseComplete","requestURI":"/apis/authentication.k8s.io/v1/tokenreviews","verb":"create","user":{"username":"system:serviceaccount:kube-system:metrics-server","uid":"60718293-a4b5-4c6d-8e7f-9a0b1c2d3e4f","groups":["system:serviceaccounts","system:serviceaccounts:kube-system","system:authenticated"]},"sourceIPs":["192.168.33.7"],"userAgent":"metrics-server/v0.7.1 (linux/amd64) kubernetes/$Format","objectRef":{"resource":"tokenreviews","apiGroup":"authentication.k8s.io","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":201},"requestObject":{"kind":"TokenReview","apiVersion":"authentication.k8s.io/v1","metadata":{"creationTimestamp":null},"spec":{"token":"eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.eyJhdWQiOlsiaHR0cHM6Ly9rdWJlcm5ldGVzLmRlZmF1bHQuc3ZjIl19.c2lnbmF0dXJl"},"status":{"user":{}}},"responseObject":{"kind":"TokenReview","apiVersion":"authentication.k8s.io/v1","metadata":{"creationTimestamp":null},"spec":{"token":"eyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.eyJhdWQiOlsiaHR0cHM6Ly9rdWJlcm5ldGVzLmRlZmF1bHQuc3ZjIl19.c2lnbmF0dXJl"},"status":{"authenticated":true,"user":{"username":"system:serviceaccount:monitoring:prometheus","uid":"718293a4-b5c6-4d7e-8f90-a1b2c3d4e5f6","groups":["system:serviceaccounts","system:serviceaccounts:monitoring","system:authenticated"]},"audiences":["https://kubernetes.default.svc"]}},"# + times + allow

        let bigData = String(repeating: "0123456789abcdef", count: 19_000)
        let bigApply = header + #""stage":"ResponseComplete","requestURI":"/api/v1/namespaces/shop/configmaps/dashboards?fieldManager=kubectl\u0026force=true","verb":"patch","user":{"username":"system:serviceaccount:ci:deployer","uid":"8293a4b5-c6d7-4e8f-9a0b-c1d2e3f4a5b6","groups":["system:serviceaccounts","system:serviceaccounts:ci","system:authenticated"]},"sourceIPs":["198.51.100.77"],"userAgent":"kubectl/v1.30.2 (linux/amd64) kubernetes/39683505","objectRef":{"resource":"configmaps","namespace":"shop","name":"dashboards","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},"requestObject":{"apiVersion":"v1","data":{"dashboards.json":""# + bigData + #""},"kind":"ConfigMap","metadata":{"name":"dashboards","namespace":"shop"}},"responseObject":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"dashboards","namespace":"shop","uid":"{uid}","resourceVersion":"{rv}","creationTimestamp":"2024-04-01T10:00:00Z"},"data":{"dashboards.json":""# + bigData + #""}},"# + times + allow

        return [
            Kind(weight: 3000, events: [BenchTemplate(leaseUpdate)]),
            Kind(weight: 600, events: [BenchTemplate(nodeStatusPatch)]),
            Kind(weight: 1500, events: [BenchTemplate(configMapGet)]),
            Kind(weight: 400, events: watch.map(BenchTemplate.init)),
            Kind(weight: 150, events: podCreate.map(BenchTemplate.init)),
            Kind(weight: 40, events: [BenchTemplate(podList)]),
            Kind(weight: 30, events: [BenchTemplate(failedAuthentication)]),
            Kind(weight: 500, events: [BenchTemplate(health)]),
            Kind(weight: 300, events: [BenchTemplate(deploymentStatus)]),
            Kind(weight: 300, events: [BenchTemplate(tokenReview)]),
            Kind(weight: 1, events: [BenchTemplate(bigApply)]),
        ]
    }
}
