exec python3 -u - <<'PY'
import base64,hashlib,json,os,socketserver,struct,threading
P=2**256-2**32-977;N=0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
G=(0x79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798,0x483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8)
def add(a,b):
 if a is None:return b
 if b is None:return a
 if a[0]==b[0] and (a[1]+b[1])%P==0:return None
 l=(3*a[0]*a[0]*pow(2*a[1],P-2,P) if a==b else (b[1]-a[1])*pow(b[0]-a[0],P-2,P))%P
 x=(l*l-a[0]-b[0])%P;return x,(l*(a[0]-x)-a[1])%P
def mul(p,n):
 r=None
 while n:
  if n&1:r=add(r,p)
  p=add(p,p);n>>=1
 return r
def bip340(pk,m,sig):
 x,r,s=int.from_bytes(pk,"big"),int.from_bytes(sig[:32],"big"),int.from_bytes(sig[32:],"big")
 if x>=P or r>=P or s>=N:return False
 y=pow((x**3+7)%P,(P+1)//4,P)
 if (y*y-x**3-7)%P:return False
 t=hashlib.sha256(b"BIP0340/challenge").digest()
 e=int.from_bytes(hashlib.sha256(t+t+sig[:32]+pk+m).digest(),"big")%N
 R=add(mul(G,s),mul((x,P-y if y&1 else y),N-e))
 return R is not None and R[1]%2==0 and R[0]==r
def valid(e):
 try:
  s=json.dumps([0,e["pubkey"],e["created_at"],e["kind"],e["tags"],e["content"]],separators=(",",":"),ensure_ascii=False)
  return hashlib.sha256(s.encode()).hexdigest()==e["id"] and bip340(bytes.fromhex(e["pubkey"]),bytes.fromhex(e["id"]),bytes.fromhex(e["sig"]))
 except Exception:return False
F={"ids":"id","authors":"pubkey","kinds":"kind"}
def match(f,e):
 for k,v in f.items():
  if k in F and e[F[k]] not in v:return False
  if k=="since" and e["created_at"]<v or k=="until" and e["created_at"]>v:return False
  if k[:1]=="#" and not any(len(t)>1 and t[0]==k[1:] and t[1] in v for t in e["tags"]):return False
 return True
events,subs,lock={},{},threading.Lock()
class Conn(socketserver.StreamRequestHandler):
 def send(s,m):
  d=json.dumps(m).encode();n=len(d)
  h=bytes([129,n]) if n<126 else struct.pack("!BBH",129,126,n) if n<65536 else struct.pack("!BBQ",129,127,n)
  with s.wl:s.wfile.write(h+d)
 def frame(s):
  b1,b2=s.rfile.read(2);n=b2&127
  if n==126:n,=struct.unpack("!H",s.rfile.read(2))
  elif n==127:n,=struct.unpack("!Q",s.rfile.read(8))
  if n>1<<20:raise ValueError
  k=s.rfile.read(4) if b2&128 else bytes(4)
  return b1&15,bytes(c^k[i%4] for i,c in enumerate(s.rfile.read(n)))
 def handle(s):
  s.wl=threading.Lock();h={};s.rfile.readline()
  while l:=s.rfile.readline().decode().strip():a,_,b=l.partition(":");h[a.lower()]=b.strip()
  if "sec-websocket-key" not in h:
   b=json.dumps({"name":os.environ["RELAY_NAME"],"supported_nips":[1,11]}).encode()
   s.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/nostr+json\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: %d\r\n\r\n"%len(b)+b);return
  a=base64.b64encode(hashlib.sha1((h["sec-websocket-key"]+"258EAFA5-E914-47DA-95CA-C5AB0DC85B11").encode()).digest())
  s.wfile.write(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "+a+b"\r\n\r\n")
  try:
   while True:
    o,d=s.frame()
    if o==8:break
    if o==1:s.on(json.loads(d))
  except (ValueError,OSError):pass
  finally:
   with lock:[subs.pop(k) for k in list(subs) if k[0] is s]
 def on(s,m):
  if m[0]=="EVENT":
   e=m[1];ok=valid(e);s.send(["OK",e.get("id",""),ok,"" if ok else "invalid: id or sig"])
   if ok:
    with lock:events[e["id"]]=e;to=[k for k,fs in subs.items() if any(match(f,e) for f in fs)]
    for c,i in to:
     try:c.send(["EVENT",i,e])
     except OSError:pass
  elif m[0]=="REQ":
   with lock:subs[s,m[1]]=m[2:];found=sorted((e for e in events.values() if any(match(f,e) for f in m[2:])),key=lambda e:-e["created_at"])
   for e in found[:min([f.get("limit",500) for f in m[2:]]+[500])]:s.send(["EVENT",m[1],e])
   s.send(["EOSE",m[1]])
  elif m[0]=="CLOSE":
   with lock:subs.pop((s,m[1]),None)
S=socketserver.ThreadingTCPServer;S.allow_reuse_address=S.daemon_threads=True
print("relay on port",os.environ["PORT"])
S(("127.0.0.1",int(os.environ["PORT"])),Conn).serve_forever()
PY
