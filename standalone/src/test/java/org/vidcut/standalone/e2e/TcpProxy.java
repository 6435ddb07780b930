package org.vidcut.standalone.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of the broker, so a test can cut every connection at once the way a broker
 * restart or a network blip does, without any hook in the code under test.
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger dropped = new AtomicInteger();

    TcpProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("tcp-proxy-accept", this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Closes every relayed connection; new connections are accepted as before. */
    int dropAll() {
        int count = 0;
        for (Socket socket : open) {
            closeQuietly(socket);
            count++;
        }
        open.clear();
        dropped.addAndGet(count);
        return count;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket broker = new Socket();
                broker.connect(upstream, 5_000);
                open.add(client);
                open.add(broker);
                relay(client, broker);
                relay(broker, client);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void relay(Socket from, Socket to) {
        daemon("tcp-proxy-relay", () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: the other is closed below, as a real network cut would do
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropAll();
    }
}
