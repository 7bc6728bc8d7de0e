package vn.ttdn.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The SQL statements the application sends on this thread while {@link #during} runs, whichever way it
 * sends them (our JDBC, JPA, the engine's MyBatis): for tests that a list costs a few statements, not
 * one per row. Off, the data source's calls only pass through.
 */
public class Statements implements BeanPostProcessor {

    /** What {@link #during} gives: the work's result and the text of each statement sent meanwhile. */
    public record Counted<T>(T result, List<String> sql) {
    }

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** Runs the work on this thread, recording the statements it sends. */
    public static <T> Counted<T> during(Supplier<T> work) {
        List<String> sent = new ArrayList<>();
        RECORDING.set(sent);
        try {
            return new Counted<>(work.get(), List.copyOf(sent));
        } finally {
            RECORDING.remove();
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if ("dataSource".equals(beanName) && bean instanceof DataSource dataSource) {
            return wrap(dataSource, DataSource.class, null);
        }
        return bean;
    }

    private static Object wrap(Object target, Class<?> type, String sql) {
        return Proxy.newProxyInstance(Statements.class.getClassLoader(), new Class<?>[] {type}, new Pass(target, sql));
    }

    private record Pass(Object target, String sql) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if ("unwrap".equals(name) && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
                return proxy;
            }
            if ("isWrapperFor".equals(name) && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
                return true;
            }
            List<String> sent = RECORDING.get();
            if (sent != null && target instanceof Statement && name.startsWith("execute")) {
                sent.add(sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?");
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection connection) {
                return wrap(connection, Connection.class, null);
            }
            if (result instanceof java.sql.CallableStatement) {
                return result;
            }
            if (result instanceof java.sql.PreparedStatement statement && args != null && args.length > 0
                    && args[0] instanceof String text) {
                return wrap(statement, java.sql.PreparedStatement.class, text);
            }
            if (result instanceof Statement statement && "createStatement".equals(name)) {
                return wrap(statement, Statement.class, null);
            }
            return result;
        }
    }
}
