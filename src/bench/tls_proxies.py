"""Two loopback proxies for src/bench/https-bench.sh, so https runs can be timed offline.

  tls_proxies.py CERT KEY UPSTREAM_PORT TLS_PORT CONNECT_PORT DELAY_MS

- on TLS_PORT: TLS (CERT/KEY) in front of the plain-HTTP API on UPSTREAM_PORT;
- on CONNECT_PORT: an HTTP CONNECT proxy that waits DELAY_MS before it connects, as a remote
  server's connect takes a round trip, and sends the made-up host fx.test to 127.0.0.1.
"""
import socket, ssl, sys, threading, time

cert, key, upstream, tls_port, connect_port, delay_ms = sys.argv[1:7]
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)


def listen(port):
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", int(port)))
    server.listen(64)
    return server


def pipe(source, sink):
    try:
        while data := source.recv(65536):
            sink.sendall(data)
    except OSError:
        pass
    finally:
        try:
            sink.shutdown(socket.SHUT_WR)
        except OSError:
            pass


def splice(a, b):
    threading.Thread(target=pipe, args=(b, a), daemon=True).start()
    pipe(a, b)


def tls(client):
    try:
        client = context.wrap_socket(client, server_side=True)
    except (OSError, ssl.SSLError):
        client.close()  # a client that refused our certificate
        return
    splice(client, socket.create_connection(("127.0.0.1", int(upstream))))


def connect(client):
    head = b""
    while b"\r\n\r\n" not in head:
        data = client.recv(4096)
        if not data:
            client.close()
            return
        head += data
    host, port = head.split(b" ")[1].decode().rsplit(":", 1)
    time.sleep(int(delay_ms) / 1000)
    upstream_socket = socket.create_connection(("127.0.0.1" if host == "fx.test" else host, int(port)))
    client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
    splice(client, upstream_socket)


def serve(server, handler):
    while True:
        client, _ = server.accept()
        threading.Thread(target=handler, args=(client,), daemon=True).start()


servers = [(listen(tls_port), tls), (listen(connect_port), connect)]
print("ready", flush=True)
for server, handler in servers[1:]:
    threading.Thread(target=serve, args=(server, handler), daemon=True).start()
serve(*servers[0])
