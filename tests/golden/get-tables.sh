kubectl get all
kubectl get services
kubectl get svc -o wide
kubectl get endpoints
kubectl get ns
kubectl get nodes -o wide
kubectl apply -f - <<EOF2
apiVersion: v1
kind: Pod
metadata:
  name: web-1
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.12-alpine
    ports:
    - containerPort: 80
EOF2
kubectl apply -f - <<EOF2
apiVersion: v1
kind: Pod
metadata:
  name: web-2
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.12-alpine
EOF2
kubectl apply -f - <<EOF2
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
EOF2
sleep 20
kubectl get all
kubectl get pods,svc
kubectl get svc,ep
kubectl get events
kubectl get events -o wide
kubectl get all -A
kubectl get all -n kube-system
