kubectl version
kubectl version --client
kubectl cluster-info
kubectl api-resources
kubectl run web --image=nginx:1.27 --dry-run=client -o yaml
kubectl run web --image=nginx:1.27 --port=80 --labels=app=web
kubectl run
kubectl run x --image=nginx --restart=Sometimes
kubectl exec web -- ls
kubectl logs web
kubectl apply -f - <<EOF2
apiVersion: v1
kind: Pod
metadata:
  name: liveness-http-demo
spec:
  containers:
  - name: liveness-http-demo
    image: nginx:1.12-alpine
    ports:
    - name: http
      containerPort: 80
    lifecycle:
      postStart:
        exec:
          command: ["/bin/sh", "-c", " echo Healthy > /usr/share/nginx/html/healthz"]
    livenessProbe:
      httpGet:
        path: /healthz
        port: http
EOF2
kubectl apply -f - <<EOF2
apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    command: ['sh', '-c', 'echo setting up']
  containers:
  - name: web
    image: nginx:1.27
  - name: sidecar
    image: busybox:1.36
    command: ['sh', '-c', 'echo hello from sidecar; echo line two; sleep 3600']
EOF2
kubectl apply -f - <<EOF2
apiVersion: v1
kind: Pod
metadata:
  name: crashy
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'echo starting; echo giving up >&2; exit 3']
EOF2
kubectl top pod
sleep 30
kubectl exec liveness-http-demo -- cat /usr/share/nginx/html/healthz
kubectl exec liveness-http-demo -- rm /usr/share/nginx/html/healthz
kubectl exec liveness-http-demo -- rm /usr/share/nginx/html/healthz
kubectl exec two -- cat /etc/hostname
kubectl exec two -c sidecar -- cat /etc/hostname
kubectl exec two -c nope -- ls
kubectl exec two ls
kubectl exec two
kubectl exec missing -- ls
kubectl exec crashy -- ls
kubectl logs two
kubectl logs two -c sidecar
kubectl logs two sidecar --tail=1
kubectl logs two -c setup
kubectl logs two -c nope
kubectl logs crashy
kubectl logs crashy --previous
kubectl logs web --previous
kubectl logs
kubectl logs missing
kubectl top pod
kubectl top pod web
sleep 60
kubectl top pod
kubectl top pod --containers two
kubectl top pod -A --sort-by=memory
kubectl top node
kubectl top node node01
kubectl top node nope
kubectl top pod missing
kubectl apply -f - <<EOF2
apiVersion: v1
kind: Pod
metadata:
  name: stress-demo
spec:
  containers:
  - name: stress-demo
    image: ikubernetes/stress-ng
    command: ["/usr/bin/stress-ng", "-m 1", "-c 1", "--metrics-brief"]
    resources:
      requests:
        memory: "128Mi"
        cpu: "200m"
EOF2
sleep 40
kubectl exec stress-demo -- top
kubectl top pod stress-demo
kubectl logs stress-demo --timestamps
kubectl logs stress-demo -f
