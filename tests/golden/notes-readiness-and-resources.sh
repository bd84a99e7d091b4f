kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: readiness-tcp-demo
  labels:
    test: readiness-tcp-demo
spec:
  containers:
  - name: readiness-tcp-demo
    image: nginx:1.12-alpine
    readinessProbe:
      tcpSocket:
        port: 80
EOF
kubectl get pods
sleep 5
kubectl get pods
kubectl describe pod readiness-tcp-demo | grep -E 'Readiness|Ready'
kubectl apply -f - <<EOF
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
EOF
sleep 20
kubectl get pods
kubectl describe pod stress-demo | grep -A6 -E '^    (Requests|State)'
kubectl get pod stress-demo -o yaml | grep qosClass
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: greedy
spec:
  containers:
  - name: app
    image: nginx:1.12-alpine
    resources:
      requests:
        cpu: "3"
EOF
sleep 5
kubectl get pods greedy
kubectl describe pod greedy | grep -A3 Events
