package dev.faultlab.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

import java.io.IOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;

/**
 * No request creates a servlet container session. FaultLab's sessions live in PostgreSQL; but Javalin copies the
 * container session's attributes at every WebSocket upgrade by calling {@code request.getSession()}, which creates a
 * session (and a JSESSIONID cookie) that lives on in memory: anonymous upgrade attempts alone could fill the heap.
 * Requests are handed on wrapped, so that asking for a session gives an empty one that is stored nowhere.
 */
final class NoContainerSessions implements Filter {

    static void install(ServletContextHandler context) {
        context.addFilter(new FilterHolder(new NoContainerSessions()), "/*", EnumSet.allOf(DispatcherType.class));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request instanceof HttpServletRequest http ? new WithoutSessions(http) : request, response);
    }

    private static final class WithoutSessions extends HttpServletRequestWrapper {
        WithoutSessions(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            return create ? new EmptySession(getServletContext()) : null;
        }

        @Override
        public String changeSessionId() {
            throw new IllegalStateException("FaultLab keeps no servlet sessions");
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return false;
        }
    }

    /** A session with nothing in it that cannot be given anything either: it exists only to be read from and dropped. */
    private record EmptySession(ServletContext servletContext) implements HttpSession {
        @Override
        public long getCreationTime() {
            return 0;
        }

        @Override
        public String getId() {
            return "";
        }

        @Override
        public long getLastAccessedTime() {
            return 0;
        }

        @Override
        public ServletContext getServletContext() {
            return servletContext;
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
            // nothing is kept, so nothing expires
        }

        @Override
        public int getMaxInactiveInterval() {
            return 0;
        }

        @Override
        public Object getAttribute(String name) {
            return null;
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public void setAttribute(String name, Object value) {
            throw new UnsupportedOperationException("FaultLab keeps no servlet sessions; sessions are in PostgreSQL");
        }

        @Override
        public void removeAttribute(String name) {
            // there is nothing to remove
        }

        @Override
        public void invalidate() {
            // there is nothing to end
        }

        @Override
        public boolean isNew() {
            return true;
        }
    }
}
