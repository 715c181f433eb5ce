/**
 * A reusable FLIP-27 WebSocket source: {@link io.featuresdk.runtime.source.websocket.WebSocketSource} reads one
 * connection and a {@link io.featuresdk.runtime.source.websocket.WebSocketMessageParser} turns its text messages
 * into records. Nothing here knows about a particular exchange or message format.
 */
package io.featuresdk.runtime.source.websocket;
