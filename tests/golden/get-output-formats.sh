kubectl apply -f - <<EOF2
apiVersion: v1
kind: Pod
metadata:
  name: web-10
  labels:
    app: web
    tier: frontend
spec:
  containers:
  - name: nginx
    image: nginx:1.12-alpine
    resources:
      requests:
        memory: 64Mi
  - name: sidecar
    image: busybox
    command: ["sleep", "3600"]
EOF2
kubectl apply -f - <<EOF2
apiVersion: v1
kind: Pod
metadata:
  name: web-9
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.12-alpine
    resources:
      requests:
        memory: 1Gi
EOF2
sleep 20
kubectl get pods -o jsonpath='{.items[*].metadata.name}'
echo
kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.status.podIP}{"\n"}{end}'
kubectl get pod web-10 -o jsonpath='{.spec.containers[?(@.name=="sidecar")].command}'
echo
kubectl get pod web-10 -o jsonpath='{.metadata.labels}'
echo
kubectl get pod web-10 -o jsonpath='{.spec.containers[-1:].name} {.spec.containers[0]['"'"'name'"'"']} {.nope}'
echo
kubectl get pods -o jsonpath='{.items[0].metadata.name'
kubectl get pods -o jsonpath
kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGES:.spec.containers[*].image,TIER:.metadata.labels.tier
kubectl get pods -o custom-columns=NAME:.metadata.name --no-headers
kubectl get pods -o custom-columns=NAME
kubectl get pods --sort-by=.metadata.name
kubectl get pods --sort-by='{.spec.containers[0].resources.requests.memory}' -o name
kubectl get pods --sort-by=.spec.nope
kubectl get pods -l 'app in (web),tier' -o name
kubectl get pods -l '!tier' -o name
kubectl get pods -l 'tier notin (frontend)' -o name
kubectl get pods -l 'app in (web'
kubectl get pods -l 'a b'
kubectl get pods -l 'app in (web),tier in (frontend,backend)' -o name
kubectl get pods -l 'a in ()' -o name
kubectl get pods -l 'A_/b'
kubectl describe pods -l 'a notin'
