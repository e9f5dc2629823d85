// Starts Kroxylicious from its runtime module (the kroxylicious-app module with its own main class is not
// on Maven Central): parse the YAML the bed wrote, start the proxy, block until the JVM is stopped.
import io.kroxylicious.proxy.KafkaProxy;
import io.kroxylicious.proxy.config.ConfigParser;
import io.kroxylicious.proxy.internal.config.Features;
import java.nio.file.Files;
import java.nio.file.Path;

public final class ProxyLauncher {
    public static void main(String[] args) throws Exception {
        ConfigParser parser = new ConfigParser();
        var config = parser.parseConfiguration(Files.readString(Path.of(args[0])));
        try (KafkaProxy proxy = new KafkaProxy(parser, config, Features.defaultFeatures())) {
            proxy.startup();
            System.out.println("odradek-proxy-ready");
            proxy.block();
        }
    }
}
