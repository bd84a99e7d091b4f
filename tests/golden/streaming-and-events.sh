# Commands that keep running: in this headless runner, `timeout` ends them (status 124), or they are stopped as
# Ctrl-C would stop them once the cluster has nothing left to do (shown as ^C).
kubectl events
kubectl get pods -w
timeout 30 kubectl get pods --watch-only
kubectl run web --image=nginx --labels=app=web
timeout 30 kubectl get pods -w
echo "status $?"
kubectl label pod web tier=front
timeout 5 kubectl get pod web -w --output-watch-events
timeout 5 kubectl get pods -l app=web -w -o name
kubectl get pods,svc -w
kubectl get all -w
kubectl get pods -w -o yaml | head -n 3
echo "pipe status $?"
kubectl run counter --image=busybox --restart=Never -- sh -c 'for i in 1 2 3 4; do echo tick $i; sleep 2; done'
sleep 4
kubectl get pods web counter -w
kubectl get pod web nope -w
kubectl logs -f counter
echo "logs status $?"
kubectl logs -f counter --timestamps --tail 2
kubectl delete pod web --wait=false
timeout 60 kubectl get pods -w -A -l app=web
kubectl run stubborn --image=busybox -- sleep 3600
sleep 10
kubectl delete pod stubborn
kubectl get pods
timeout 2 sleep 10
echo "timeout status $?"
timeout 1m sleep 5
echo "status $?"
timeout
timeout 5
timeout x sleep 1
timeout 5 nosuch
kubectl run bad --image=nginx:nope
sleep 60
kubectl events
kubectl events --for pod/bad --types=Warning
kubectl events -A --for pod/web --no-headers
kubectl events --for po/bad -o name | wc -l
kubectl events --types=Info
kubectl events --for bad
kubectl events --for podz/bad
kubectl events -o wide
timeout 15 kubectl events -w
timeout 40 kubectl get events -w --watch-only | grep -i backoff
