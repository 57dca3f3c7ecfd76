package fr.veza.platform.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * A consistent copy of the running embedded PostgreSQL, the way PostgreSQL documents an online base backup:
 * {@code pg_backup_start}, a copy of the data directory, {@code pg_backup_stop}, its {@code backup_label}, and the
 * WAL from the backup's start to its end. A temporary replication slot keeps that WAL from being recycled while the
 * files are copied. Started on the copy, PostgreSQL replays the WAL and is consistent as of the backup's end.
 */
final class DatabaseBackup {

    /** What PostgreSQL recreates or must not find in a copy (its documentation's list for base backups). */
    private static final Set<String> SKIPPED_FILES = Set.of(
            "postmaster.pid",
            "postmaster.opts",
            "backup_label",
            "tablespace_map",
            "backup_manifest",
            "current_logfiles",
            "pg_internal.init",
            "epg-lock");

    private static final Set<String> EMPTIED_DIRECTORIES = Set.of(
            "pg_wal",
            "pg_replslot",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_stat_tmp",
            "pg_subtrans");

    private static final Pattern START_WAL_FILE = Pattern.compile("START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)");
    private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");

    private final DataSource dataSource;
    private final Path dataDirectory;

    DatabaseBackup(DataSource dataSource, Path dataDirectory) {
        this.dataSource = dataSource;
        this.dataDirectory = dataDirectory.toAbsolutePath();
    }

    /** Writes the copy as a ZIP into {@code out} (which gets its SHA-256) and returns that checksum. */
    String writeTo(OutputStream out) throws IOException {
        var digest = Checksums.sha256();
        String slot = "veza_backup_" + ProcessHandle.current().pid();
        try (Connection connection = dataSource.getConnection();
                ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(out, digest))) {
            zip.setLevel(Deflater.BEST_SPEED);
            // a backup on one session: the slot and the backup both belong to it, and end with it if Veza dies
            query(connection, "SELECT pg_create_physical_replication_slot(?, true, true)", slot);
            try {
                copy(connection, zip, slot);
            } finally {
                // a slot left on a pooled connection would hold WAL for ever
                query(connection, "SELECT pg_drop_replication_slot(?)", slot);
            }
        } catch (SQLException e) {
            throw new IOException("database backup failed: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void copy(Connection connection, ZipOutputStream zip, String slot) throws IOException, SQLException {
        query(connection, "SELECT pg_backup_start(?, true)", "veza " + slot);
        String label;
        String tablespaceMap;
        try {
            copyDataFiles(zip);
        } finally {
            try (PreparedStatement stop =
                            connection.prepareStatement("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)");
                    ResultSet stopped = stop.executeQuery()) {
                stopped.next();
                label = stopped.getString(1);
                tablespaceMap = stopped.getString(2);
            }
        }
        write(zip, "backup_label", label);
        if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
            write(zip, "tablespace_map", tablespaceMap);
        }
        copyWal(zip, startWalFile(label));
    }

    private void copyDataFiles(ZipOutputStream zip) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dataDirectory)) {
            paths = walk.filter(path -> !path.equals(dataDirectory)).sorted().toList();
        }
        for (Path path : paths) {
            Path relative = dataDirectory.relativize(path);
            String name = relative.toString().replace(java.io.File.separatorChar, '/');
            boolean directory = Files.isDirectory(path);
            if (isSkipped(relative, directory)) {
                continue;
            }
            if (directory) {
                zip.putNextEntry(new ZipEntry(name + "/"));
                zip.closeEntry();
            } else {
                copyFile(zip, path, name);
            }
        }
    }

    /**
     * The emptied directories are copied empty (a replication slot's directory without its state would stop the
     * start); only {@code pg_wal} keeps its own directories, and its segments are added after the copy.
     */
    private static boolean isSkipped(Path relative, boolean directory) {
        String fileName = relative.getFileName().toString();
        if (relative.getNameCount() > 1
                && EMPTIED_DIRECTORIES.contains(relative.getName(0).toString())) {
            return !(directory && relative.getName(0).toString().equals("pg_wal"));
        }
        return !directory && (SKIPPED_FILES.contains(fileName) || fileName.startsWith("pgsql_tmp"));
    }

    private void copyWal(ZipOutputStream zip, String startFile) throws IOException {
        Path wal = dataDirectory.resolve("pg_wal");
        List<Path> needed;
        try (Stream<Path> files = Files.list(wal)) {
            needed = files.filter(file -> {
                        String name = file.getFileName().toString();
                        return name.endsWith(".history")
                                || (WAL_SEGMENT.matcher(name).matches() && name.compareTo(startFile) >= 0);
                    })
                    .sorted()
                    .toList();
        }
        for (Path file : needed) {
            copyFile(zip, file, "pg_wal/" + file.getFileName());
        }
    }

    private static String startWalFile(String label) throws IOException {
        Matcher start = START_WAL_FILE.matcher(label);
        if (!start.find()) {
            throw new IOException("backup_label without a start WAL file");
        }
        return start.group(1);
    }

    /** A file PostgreSQL removed while the copy ran (a dropped table) is not needed: the WAL replay drops it too. */
    private static void copyFile(ZipOutputStream zip, Path file, String name) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException removedMeanwhile) {
            return;
        }
        try (in) {
            zip.putNextEntry(new ZipEntry(name));
            in.transferTo(zip);
            zip.closeEntry();
        }
    }

    private static void write(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void query(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            statement.executeQuery().close();
        }
    }
}
