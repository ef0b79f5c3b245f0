import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A loopback listener for the time-to-first-request benchmark: `java bench/FirstRequest.java`
 * prints "port N", then one line "request EPOCH_MS METHOD PATH" for every request it receives
 * (the wall-clock time its request line arrived) and answers each with 400 invalid_client, so the
 * flowform run that sent it stops at once. It never reaches anything but the loopback address; it
 * stops after 10 minutes or when killed.
 */
public final class FirstRequest {
  public static void main(String[] args) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(600_000);
      System.out.println("port " + server.getLocalPort());
      System.out.flush();
      while (true) {
        try (Socket socket = server.accept()) {
          BufferedReader in =
              new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
          String line = in.readLine();
          long arrived = System.currentTimeMillis();
          String[] parts = line == null ? new String[] {"-", "-"} : line.split(" ");
          int length = 0;
          for (String header = in.readLine(); header != null && !header.isEmpty(); ) {
            if (header.toLowerCase().startsWith("content-length:")) {
              length = Integer.parseInt(header.substring(15).trim());
            }
            header = in.readLine();
          }
          in.skip(length); // read the body too, so closing the socket does not reset it
          String path = parts[Math.min(1, parts.length - 1)];
          System.out.println("request " + arrived + " " + parts[0] + " " + path);
          System.out.flush();
          String body = "{\"error\":\"invalid_client\",\"error_description\":\"benchmark listener\"}";
          OutputStream out = socket.getOutputStream();
          out.write(
              ("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: "
                      + body.length()
                      + "\r\nConnection: close\r\n\r\n"
                      + body)
                  .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
        }
      }
    }
  }
}
