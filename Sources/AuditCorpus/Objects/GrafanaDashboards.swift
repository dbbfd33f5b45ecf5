import AuditPolicy

/// Grafana dashboards as JSON files in a ConfigMap (what a Grafana sidecar loads from
/// `kubectl create configmap grafana-dashboards --from-file=dashboards/`): pretty-printed
/// JSON text with PromQL expressions, so the values carry many quotes, newlines, `<`, `>`
/// and `&`, all of which Go escapes.
enum GrafanaDashboards {
    /// The dashboards' file names and contents.
    static func files(panelsPerDashboard: Int) -> [(String, String)] {
        let dashboards = ["shop-overview", "checkout", "api-latency", "worker-queues", "kubernetes-pods", "node-resources", "ingress", "slo-burn-rate"]
        let expressions = [
            #"sum(rate(http_requests_total{namespace="shop",app="$app",code=~"5.."}[5m])) / sum(rate(http_requests_total{namespace="shop",app="$app"}[5m])) > 0.01"#,
            #"histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{namespace="shop",app="$app"}[5m])))"#,
            #"kube_deployment_status_replicas_available{namespace="shop"} < kube_deployment_spec_replicas{namespace="shop"}"#,
            #"sum by (pod) (container_memory_working_set_bytes{namespace="shop",container!=""}) / 1024 / 1024"#,
            #"sum(rate(container_cpu_usage_seconds_total{namespace="shop",container!=""}[5m])) by (pod) >= 0.8"#,
            #"rate(worker_jobs_failed_total{queue=~"orders|emails"}[10m]) > 0 and on(queue) worker_queue_depth > 100"#,
        ]
        var random = SplitMix64(seed: 0x6772_6166_616e_61)
        return dashboards.enumerated().map { index, name in
            let panels: [CorpusJSON] = (0..<panelsPerDashboard).map { panel in
                let expression = expressions[(index + panel) % expressions.count].replacingOccurrences(of: "$app", with: ["web", "api", "worker"][panel % 3])
                return [
                    "datasource": ["type": "prometheus", "uid": "prometheus"],
                    "description": .string("Panel \(panel + 1) of \(name): alerts page when the value stays above the line for 10 minutes & the runbook <https://runbooks.example.com/\(name)#panel-\(panel + 1)> applies."),
                    "fieldConfig": [
                        "defaults": [
                            "color": ["mode": "palette-classic"],
                            "thresholds": ["mode": "absolute", "steps": [["color": "green", "value": .null], ["color": "red", "value": .int(Int64(random.int(in: 50...95)))]]],
                            "unit": .string(["percentunit", "s", "short", "bytes"][panel % 4]),
                        ],
                        "overrides": [],
                    ],
                    "gridPos": ["h": 8, "w": 12, "x": .int(Int64(panel % 2 * 12)), "y": .int(Int64(panel / 2 * 8))],
                    "id": .int(Int64(panel + 1)),
                    "options": ["legend": ["calcs": ["mean", "max"], "displayMode": "table", "placement": "bottom"], "tooltip": ["mode": "multi", "sort": "desc"]],
                    "targets": [["expr": .string(expression), "legendFormat": "{{pod}}", "refId": "A"]],
                    "title": .string("\(name) panel \(panel + 1)"),
                    "type": "timeseries",
                ]
            }
            let dashboard: CorpusJSON = [
                "annotations": ["list": [["builtIn": 1, "datasource": ["type": "grafana", "uid": "-- Grafana --"], "enable": true, "name": "Annotations & Alerts"]]],
                "editable": false,
                "links": [["title": "Runbooks", "type": "link", "url": "https://grafana.example.com/d/runbooks?orgId=1&refresh=30s"]],
                "panels": .array(panels),
                "refresh": "30s",
                "schemaVersion": 39,
                "tags": ["shop", "generated"],
                "templating": ["list": [["name": "app", "options": [], "query": "label_values(up{namespace=\"shop\"}, app)", "type": "query"]]],
                "time": ["from": "now-6h", "to": "now"],
                "title": .string(name),
                "uid": .string(random.hex(9)),
            ]
            return ("\(name).json", PrettyJSON.text(dashboard))
        }
    }
}
