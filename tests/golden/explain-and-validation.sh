# kubectl explain (plaintext.tmpl, v1.34) and strict field validation (kubectl --validate=strict by default).
kubectl explain pods
kubectl explain pod.spec.containers.livenessProbe
kubectl explain pod.spec.containers.livenessProbe.httpGet.port
kubectl explain po.spec.restartPolicy
kubectl explain pod.spec.containers.resources
kubectl explain pods.spec.containers.livenessProbe --recursive
kubectl explain svc.spec.type
kubectl explain pods.spec.containerz
kubectl explain deployments
kubectl explain
cat > typo.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: typo
  lables:
    app: web
spec:
  containers:
  - name: web
    image: nginx
    imagePullpolicy: Always
    livenessProbe:
      httpGet:
        path: /
        port: 80
      periodSecond: 5
YAML
kubectl apply -f typo.yaml
kubectl create -f typo.yaml
kubectl apply -f typo.yaml --validate=warn
kubectl get pod typo -o jsonpath='{.metadata.labels}{.spec.containers[0].imagePullPolicy}{"\n"}'
kubectl delete pod typo --wait=false
kubectl apply -f typo.yaml --validate=false
kubectl apply -f typo.yaml --validate=maybe
cat > top.yaml <<'YAML'
apiVersion: v1
kind: Pod
metadata:
  name: top
restartPolicy: Never
spec:
  containers:
  - name: c
    image: busybox
    resources:
      limits:
        memory: 1Gb
YAML
kubectl create -f top.yaml
kubectl apply -f top.yaml --dry-run=client
