kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: pod-example
  annotations:
    created-by: "cluster admin"
spec:
  containers:
  - name: nginx
    image: nginx:1.12-alpine
EOF
kubectl get pods
sleep 10
kubectl get pods -o wide
kubectl describe pods pod-example | grep "Annotations"
kubectl annotate pods pod-example created-by2="admin"
kubectl annotate pods pod-example created-by2="other"
kubectl annotate pods pod-example created-by2="other" --overwrite
kubectl get pod pod-example -o yaml
kubectl get pod pod-example -o json
kubectl describe pod pod-example
kubectl annotate pods pod-example created-by2-
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: pod-example
  annotations:
    created-by: "cluster admin"
spec:
  containers:
  - name: nginx
    image: nginx:1.12-alpine
EOF
kubectl delete pod pod-example
kubectl get pods
