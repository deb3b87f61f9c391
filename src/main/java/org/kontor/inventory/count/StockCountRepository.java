package org.kontor.inventory.count;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** stock_count, stock_count_line, stock_count_problem. Lines are written and changed in JDBC batches. */
@Repository
class StockCountRepository {

    private static final String LINE_COLUMNS = "count_id, line_no, sku, bins, counted_quantity, counted_at, recounts, "
            + "expected_quantity, variance, unit_price, variance_value, abc_class, decision, decision_reason, status, "
            + "decided_by, posted_quantity, reading_confidence";

    /** What evaluating or posting a line changes. */
    record LineUpdate(int lineNo, Integer expectedQuantity, Integer variance, BigDecimal varianceValue, String decision,
            String decisionReason, LineStatus status, String decidedBy, Integer postedQuantity) {
    }

    /*
     * Explicit mappers: the by-name record mapper probes camelCase column names first, and on H2 every miss is an
     * exception written to the trace file - per column and row, which dominated reading 200,000-line counts.
     */
    private static final RowMapper<CountLine> LINE = (rs, i) -> new CountLine(rs.getString(1), rs.getInt(2),
            rs.getString(3), rs.getString(4), (Integer) rs.getObject(5, Integer.class),
            rs.getObject(6, LocalDateTime.class), rs.getInt(7), rs.getObject(8, Integer.class),
            rs.getObject(9, Integer.class), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getString(12),
            rs.getString(13), rs.getString(14), LineStatus.valueOf(rs.getString(15)), rs.getString(16),
            rs.getObject(17, Integer.class), rs.getBigDecimal(18));

    private static final String COUNT_COLUMNS = "count_id, source, status, file_name, content_type, counted_at, "
            + "created_by, process_instance_id, rows_read, problem_count, decision_version, report_file, created_at, updated_at, "
            + "document_id";

    private static final RowMapper<StockCount> COUNT = (rs, i) -> new StockCount(rs.getString(1),
            CountSource.valueOf(rs.getString(2)), CountStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
            rs.getObject(6, LocalDateTime.class), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getInt(10),
            rs.getString(11), rs.getString(12), rs.getObject(13, LocalDateTime.class), rs.getObject(14, LocalDateTime.class),
            rs.getString(15));

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate plain;
    private final Clock clock;

    StockCountRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.plain = named.getJdbcTemplate();
        this.clock = clock;
    }

    void insert(String countId, CountSource source, CountStatus status, String fileName, String contentType,
            LocalDateTime countedAt, String createdBy) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("""
                        INSERT INTO stock_count (count_id, source, status, file_name, content_type, counted_at, created_by,
                                                 rows_read, problem_count, created_at, updated_at)
                        VALUES (:id, :source, :status, :fileName, :contentType, :countedAt, :createdBy, 0, 0, :now, :now)""")
                .param("id", countId).param("source", source.name()).param("status", status.name())
                .param("fileName", fileName).param("contentType", contentType).param("countedAt", countedAt)
                .param("createdBy", createdBy).param("now", now).update();
    }

    Optional<StockCount> find(String countId) {
        return jdbc.sql("SELECT " + COUNT_COLUMNS + " FROM stock_count WHERE count_id = :id")
                .param("id", countId).query(COUNT).optional();
    }

    List<StockCount> recent(int limit, int offset) {
        return jdbc.sql("SELECT " + COUNT_COLUMNS + " FROM stock_count ORDER BY created_at DESC, count_id "
                        + "LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(COUNT).list();
    }

    void update(String countId, String column, Object value) {
        // column names come from this package only, never from a request
        jdbc.sql("UPDATE stock_count SET " + column + " = :value, updated_at = :now WHERE count_id = :id")
                .param("value", value instanceof Enum<?> e ? e.name() : value).param("now", LocalDateTime.now(clock))
                .param("id", countId).update();
    }

    void addProblemCount(String countId, int more) {
        jdbc.sql("UPDATE stock_count SET problem_count = problem_count + :more WHERE count_id = :id")
                .param("more", more).param("id", countId).update();
    }

    /** Forgets what an earlier, failed attempt at reading the sheet wrote (the step is retried from scratch). */
    void clearLinesAndProblems(String countId) {
        jdbc.sql("DELETE FROM stock_count_problem WHERE count_id = :id").param("id", countId).update();
        jdbc.sql("DELETE FROM stock_count_line WHERE count_id = :id").param("id", countId).update();
    }

    void insertLines(List<CountLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        // positional parameters: named ones cost a map and a parse per row, which showed at 200,000 lines
        plain.batchUpdate("""
                INSERT INTO stock_count_line (count_id, line_no, sku, bins, counted_quantity, counted_at, recounts,
                                              unit_price, abc_class, status, updated_at, reading_confidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines, lines.size(), (ps, l) -> {
                    ps.setString(1, l.countId());
                    ps.setInt(2, l.lineNo());
                    ps.setString(3, l.sku());
                    ps.setString(4, l.bins());
                    ps.setObject(5, l.countedQuantity(), Types.INTEGER);
                    ps.setObject(6, l.countedAt());
                    ps.setInt(7, l.recounts());
                    ps.setBigDecimal(8, l.unitPrice());
                    ps.setString(9, l.abcClass());
                    ps.setString(10, l.status().name());
                    ps.setObject(11, now);
                    ps.setBigDecimal(12, l.readingConfidence());
                });
    }

    void insertProblems(String countId, List<CountProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        SqlParameterSource[] params = problems.stream().map(p -> new MapSqlParameterSource()
                .addValue("countId", countId).addValue("row", p.row()).addValue("sku", truncate(p.sku(), 64))
                .addValue("column", truncate(p.column(), 64)).addValue("reason", truncate(p.reason(), 500)))
                .toArray(SqlParameterSource[]::new);
        named.batchUpdate("INSERT INTO stock_count_problem (count_id, row_no, sku, column_name, reason) "
                + "VALUES (:countId, :row, :sku, :column, :reason)", params);
    }

    /**
     * Lines of {@code statuses} with line numbers in (from, to]: a range of the primary key, so walking a count
     * window by window costs the same for every window however many lines have which status.
     */
    List<CountLine> window(String countId, Collection<LineStatus> statuses, int from, int to) {
        return jdbc.sql("SELECT " + LINE_COLUMNS + " FROM stock_count_line WHERE count_id = :id AND line_no > :from "
                        + "AND line_no <= :to AND status IN (:statuses) ORDER BY line_no")
                .param("id", countId).param("from", from).param("to", to)
                .param("statuses", statuses.stream().map(Enum::name).toList()).query(LINE).list();
    }

    /** All lines with line numbers in (from, to] (line numbers of a count are 1..n without gaps). */
    List<CountLine> window(String countId, int from, int to) {
        return jdbc.sql("SELECT " + LINE_COLUMNS + " FROM stock_count_line WHERE count_id = :id AND line_no > :from "
                        + "AND line_no <= :to ORDER BY line_no")
                .param("id", countId).param("from", from).param("to", to).query(LINE).list();
    }

    void updateLines(String countId, List<LineUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        plain.batchUpdate("""
                UPDATE stock_count_line SET expected_quantity = ?, variance = ?, variance_value = ?,
                       decision = COALESCE(?, decision), decision_reason = COALESCE(?, decision_reason),
                       status = ?, decided_by = COALESCE(?, decided_by), posted_quantity = ?, updated_at = ?
                 WHERE count_id = ? AND line_no = ?""", updates, updates.size(), (ps, u) -> {
                    ps.setObject(1, u.expectedQuantity(), Types.INTEGER);
                    ps.setObject(2, u.variance(), Types.INTEGER);
                    ps.setBigDecimal(3, u.varianceValue());
                    ps.setString(4, u.decision());
                    ps.setString(5, truncate(u.decisionReason(), 200));
                    ps.setString(6, u.status().name());
                    ps.setString(7, u.decidedBy());
                    ps.setObject(8, u.postedQuantity(), Types.INTEGER);
                    ps.setObject(9, now);
                    ps.setString(10, countId);
                    ps.setInt(11, u.lineNo());
                });
    }

    /**
     * A supervisor's or clerk's decision on lines: new status and who decided. One statement per line by primary
     * key in a JDBC batch: an IN list of line numbers makes H2 test every line of the count against the whole list.
     */
    void decide(String countId, Collection<Integer> lineNos, LineStatus status, String decidedBy) {
        if (lineNos.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        List<Integer> all = new ArrayList<>(lineNos);
        for (int from = 0; from < all.size(); from += 1_000) {
            List<Integer> chunk = all.subList(from, Math.min(all.size(), from + 1_000));
            plain.batchUpdate("UPDATE stock_count_line SET status = ?, decided_by = ?, updated_at = ? "
                    + "WHERE count_id = ? AND line_no = ?", chunk, chunk.size(), (ps, lineNo) -> {
                        ps.setString(1, status.name());
                        ps.setString(2, decidedBy);
                        ps.setObject(3, now);
                        ps.setString(4, countId);
                        ps.setInt(5, lineNo);
                    });
        }
    }

    /** A (re)count entered by a clerk: the line is compared with the books again. */
    void recount(String countId, int lineNo, int counted, LocalDateTime countedAt, boolean isRecount) {
        jdbc.sql("""
                        UPDATE stock_count_line SET counted_quantity = :counted, counted_at = :countedAt,
                               recounts = recounts + :more, status = 'OPEN', expected_quantity = NULL, variance = NULL,
                               reading_confidence = NULL,
                               variance_value = NULL, decision = NULL, decision_reason = NULL, updated_at = :now
                         WHERE count_id = :id AND line_no = :lineNo""")
                .param("counted", counted).param("countedAt", countedAt).param("more", isRecount ? 1 : 0)
                .param("now", LocalDateTime.now(clock)).param("id", countId).param("lineNo", lineNo).update();
    }

    Map<LineStatus, Long> countByStatus(String countId) {
        Map<LineStatus, Long> counts = new EnumMap<>(LineStatus.class);
        jdbc.sql("SELECT status, COUNT(*) FROM stock_count_line WHERE count_id = :id GROUP BY status")
                .param("id", countId)
                .query((rs, i) -> Map.entry(LineStatus.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    List<CountProblem> problems(String countId, int limit) {
        return jdbc.sql("SELECT row_no, sku, column_name, reason FROM stock_count_problem WHERE count_id = :id "
                        + "ORDER BY id LIMIT :limit")
                .param("id", countId).param("limit", limit)
                .query((rs, i) -> new CountProblem(rs.getObject(1) == null ? null : rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4))).list();
    }

    int storedProblems(String countId) {
        return jdbc.sql("SELECT COUNT(*) FROM stock_count_problem WHERE count_id = :id").param("id", countId)
                .query(Integer.class).single();
    }

    int maxLineNo(String countId) {
        Integer max = jdbc.sql("SELECT MAX(line_no) FROM stock_count_line WHERE count_id = :id").param("id", countId)
                .query(Integer.class).single();
        return max == null ? 0 : max;
    }

    /** When each SKU was last counted and posted: for choosing what the next cycle count takes. */
    Map<String, LocalDateTime> lastPostedCounts() {
        Map<String, LocalDateTime> last = new HashMap<>();
        jdbc.sql("SELECT sku, MAX(counted_at) FROM stock_count_line WHERE status = 'POSTED' GROUP BY sku")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getObject(2, LocalDateTime.class))).list()
                .forEach(e -> last.put(e.getKey(), e.getValue()));
        return last;
    }

    /** SKUs of open cycle counts or recounts: not chosen again while a clerk still has them. */
    List<String> skusBeingCounted() {
        return jdbc.sql("SELECT DISTINCT sku FROM stock_count_line WHERE status IN ('TO_COUNT', 'RECOUNT')")
                .query(String.class).list();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }
}
