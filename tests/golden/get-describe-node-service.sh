kubectl apply -f - <<EOF2
apiVersion: v1
kind: Pod
metadata:
  name: qos-burstable
  labels:
    app: web
spec:
  nodeName: node01
  containers:
  - name: nginx
    image: nginx:1.12-alpine
    resources:
      requests:
        cpu: 250m
        memory: 64Mi
      limits:
        cpu: 500m
        memory: 128Mi
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
sleep 10
kubectl describe node node01
kubectl describe node controlplane
kubectl describe service web
kubectl describe svc kubernetes
kubectl describe services -n kube-system
