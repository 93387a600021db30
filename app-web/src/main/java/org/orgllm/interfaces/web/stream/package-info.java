/**
 * The portal's streaming: a generation started by a JSF action runs when the page opens its
 * server-sent event stream, and its text reaches the page as it is produced. Streams are kept in memory,
 * belong to the user who started them and expire after a while.
 */
package org.orgllm.interfaces.web.stream;
