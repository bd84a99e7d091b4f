cat <<EOF > pod.yaml
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
ls
kubectl create -f pod.yaml
kubectl create -f pod.yaml
kubectl apply -f pod.yaml
kubectl apply -f missing.yaml
kubectl get pod nope
kubectl get pods -n kube-system
kubectl get nodes
kubectl get foo
kubectl foo
kubectl gte pods
kubectl get pods --bogus
kubectl annotate pods pod-example "bad key=1"
kubectl annotate pods pod-example
kubectl label pods pod-example tier=web
kubectl get pods --show-labels
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: no-image
spec:
  containers:
  - name: app
EOF
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: broken
 spec:
EOF
kubectl get pods -o name
kubectl delete pod nope
kubectl get po,no -A
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: flags
  annotations:
    enabled: true
spec:
  containers:
  - name: nginx
    image: nginx
EOF
cat <<EOF > p.yaml
apiVersion: v1
kind: Pod
metadata:
  name: saved
spec:
  containers:
  - name: nginx
    image: nginx
EOF
kubectl create -f p.yaml --save-config
kubectl apply -f p.yaml
kubectl annotate pod saved a=1 --resource-version=1
kubectl annotate pods a=1 --all --resource-version=1
kubectl describe nodes node01
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: c
    image: nginx
EOF
kubectl annotate pod p a=1
kubectl label pod p x=1
kubectl label pod p x-
kubectl label pod p x-
kubectl get pod p -o yaml | head -12
