help
node-down
node-down node09
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  nodeName: node01
  containers:
  - name: nginx
    image: nginx:1.12-alpine
EOF
sleep 10
node-down node01
sleep 70
kubectl get nodes
kubectl get pods
sleep 300
kubectl get pods
node-up node01
sleep 15
kubectl get nodes
kubectl get pods
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: leaky
spec:
  containers:
  - name: app
    image: nginx:1.12-alpine
    resources:
      limits:
        memory: 64Mi
EOF
sleep 10
memory-leak leaky --rate 10Mi
sleep 10
kubectl get pods leaky
app-crash nope
app-slow leaky --delay soon
