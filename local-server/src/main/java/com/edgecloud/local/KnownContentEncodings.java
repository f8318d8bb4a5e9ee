package com.edgecloud.local;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/**
 * The server's compressor reads {@code Accept-Encoding: *} as "anything" and may answer snappy, which
 * no HTTP client decodes. A wildcard is read as gzip (or identity) before the compressor sees it.
 */
@Singleton
public class KnownContentEncodings implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String KNOWN = "gzip, identity";
    private static final String HANDLER = "known-content-encodings";
    /** A weight of zero: "not acceptable" (RFC 9110 §12.4.2). */
    private static final Pattern REFUSED = Pattern.compile("q\\s*=\\s*0(\\.0{0,3})?");

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** The Accept-Encoding a request is answered by: a wildcard becomes gzip or identity. */
    static String known(String acceptEncoding) {
        if (acceptEncoding == null) {
            return null;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] nameAndWeight = coding.split(";", 2);
            boolean offered = nameAndWeight.length == 1 || !REFUSED.matcher(nameAndWeight[1].trim()).matches();
            if (nameAndWeight[0].trim().equals("*") && offered) {
                return KNOWN;
            }
        }
        return acceptEncoding;
    }

    private record Customizer(Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null
                    && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, HANDLER, new Rewrite());
            }
        }
    }

    @ChannelHandler.Sharable
    private static final class Rewrite extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                String given = request.headers().get(HttpHeaderNames.ACCEPT_ENCODING);
                String known = known(given);
                if (known != null && !known.equals(given)) {
                    request.headers().set(HttpHeaderNames.ACCEPT_ENCODING, known);
                }
            }
            ctx.fireChannelRead(msg);
        }
    }
}
