package dev.ferry.engine.secret;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Secrets in a JSON file encrypted with a master password: AES-256-GCM with a fresh random 12-byte IV per entry and
 * the entry's key as associated data; the AES key comes from PBKDF2WithHmacSHA256 with a random 16-byte salt and
 * {@value #ITERATIONS} iterations (salt and count are stored in the file). A verifier entry makes a wrong master
 * password fail with {@link WrongMasterPasswordException} when the store is opened.
 *
 * <p>The default file is {@code ${ferry.config.dir}/secrets.json}, else {@code ${XDG_CONFIG_HOME:-~/.config}/ferry/secrets.json}.
 * Writes go to a temporary file with permissions 0600 (folder 0700) that is then atomically moved over the old one.
 *
 * <p>Thread-safe: all operations synchronize on the store. Another process writing the same file concurrently may
 * lose an update (last writer wins).
 */
public final class EncryptedFileSecretStore implements SecretStore {

    /** PBKDF2 iterations for new files (OWASP 2023 recommendation for PBKDF2-HMAC-SHA256). */
    public static final int ITERATIONS = 210_000;
    static final String FORMAT = "ferry-secrets";
    private static final byte[] VERIFIER = "ferry-secrets-verifier-v1".getBytes(StandardCharsets.UTF_8);
    private static final String VERIFIER_AAD = "\u0000verifier";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;
    private final byte[] salt;
    private final int iterations;

    /**
     * Opens (or prepares to create) the store at {@code file}. The master password is used to derive the key and is
     * not retained (the caller may clear it afterwards).
     *
     * @throws WrongMasterPasswordException when the file exists and the master password does not decrypt it
     * @throws SecretStoreException         when the file cannot be read or is not a Ferry secrets file
     */
    public EncryptedFileSecretStore(Path file, char[] masterPassword) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        Objects.requireNonNull(masterPassword, "masterPassword");
        if (Files.exists(this.file)) {
            ObjectNode root = read();
            try {
                salt = Base64.getDecoder().decode(root.path("kdf").path("salt").asText());
                iterations = root.path("kdf").path("iterations").asInt();
            } catch (IllegalArgumentException e) {
                throw new SecretStoreException("Secrets file " + this.file + " has a corrupt kdf section");
            }
            if (salt.length < 16 || iterations < 10_000) {
                throw new SecretStoreException("Secrets file " + this.file + " has weak or missing key derivation parameters");
            }
            key = derive(masterPassword, salt, iterations);
            try {
                byte[] plain = decrypt(root.path("verifier"), VERIFIER_AAD);
                if (!Arrays.equals(plain, VERIFIER)) {
                    throw new WrongMasterPasswordException(wrongPassword());
                }
            } catch (AEADBadTagException e) {
                throw new WrongMasterPasswordException(wrongPassword());
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new SecretStoreException("Secrets file " + this.file + " has a corrupt verifier: " + e.getMessage());
            }
        } else {
            salt = new byte[16];
            random.nextBytes(salt);
            iterations = ITERATIONS;
            key = derive(masterPassword, salt, iterations);
        }
    }

    /** The store at the default location for this user (see class comment). */
    public static EncryptedFileSecretStore atDefaultLocation(char[] masterPassword) {
        return new EncryptedFileSecretStore(defaultFile(System::getenv), masterPassword);
    }

    /**
     * The default secrets file: {@code ferry.config.dir} system property, else {@code $XDG_CONFIG_HOME/ferry}, else
     * {@code ~/.config/ferry}, plus {@code secrets.json}.
     */
    public static Path defaultFile(Function<String, String> env) {
        return configDir(env).resolve("secrets.json");
    }

    /** Ferry's per-user configuration folder (see {@link #defaultFile}). */
    public static Path configDir(Function<String, String> env) {
        String prop = System.getProperty("ferry.config.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String xdg = env.apply("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "ferry");
        }
        return Path.of(System.getProperty("user.home"), ".config", "ferry");
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<char[]> get(String key) {
        Objects.requireNonNull(key, "key");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        ObjectNode root = read();
        checkSameKdf(root);
        if (!root.path("entries").has(key)) {
            return Optional.empty();
        }
        try {
            byte[] plain = decrypt(root.path("entries").path(key), key);
            try {
                CharBuffer cb = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(plain));
                char[] out = new char[cb.remaining()];
                cb.get(out);
                Arrays.fill(cb.array(), '\0');
                return Optional.of(out);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new SecretStoreException("Secret '" + key + "' in " + file + " cannot be decrypted: the entry was altered or copied from another file");
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw new SecretStoreException("Secret '" + key + "' in " + file + " is corrupt: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void put(String key, char[] secret) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
        ObjectNode root = Files.exists(file) ? read() : newRoot();
        checkSameKdf(root);
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] plain = new byte[bb.remaining()];
        bb.get(plain);
        Arrays.fill(bb.array(), (byte) 0);
        try {
            if (!(root.get("entries") instanceof ObjectNode)) {
                root.putObject("entries");
            }
            ObjectNode entries = (ObjectNode) root.get("entries");
            entries.set(key, encrypt(plain, key));
            sortEntries(root);
            write(root);
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Cannot encrypt secret '" + key + "': " + e.getMessage(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public synchronized boolean delete(String key) {
        if (!Files.exists(file)) {
            return false;
        }
        ObjectNode root = read();
        checkSameKdf(root);
        if (!root.path("entries").has(key)) {
            return false;
        }
        ((ObjectNode) root.get("entries")).remove(key);
        write(root);
        return true;
    }

    @Override
    public String describe() {
        return "encrypted file " + file;
    }

    private ObjectNode newRoot() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        ObjectNode kdf = root.putObject("kdf");
        kdf.put("algorithm", "PBKDF2WithHmacSHA256");
        kdf.put("iterations", iterations);
        kdf.put("salt", Base64.getEncoder().encodeToString(salt));
        root.put("cipher", "AES-256-GCM");
        try {
            root.set("verifier", encrypt(VERIFIER, VERIFIER_AAD));
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Cannot initialise " + file + ": " + e.getMessage(), e);
        }
        root.putObject("entries");
        return root;
    }

    private void checkSameKdf(ObjectNode root) {
        String s = root.path("kdf").path("salt").asText();
        if (!Arrays.equals(Base64.getDecoder().decode(s), salt) || root.path("kdf").path("iterations").asInt() != iterations) {
            throw new SecretStoreException("Secrets file " + file + " was replaced by another process with a different master key; reopen the store");
        }
    }

    private static void sortEntries(ObjectNode root) {
        ObjectNode entries = (ObjectNode) root.get("entries");
        Map<String, com.fasterxml.jackson.databind.JsonNode> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = entries.fields(); it.hasNext(); ) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
            sorted.put(e.getKey(), e.getValue());
        }
        entries.removeAll();
        sorted.forEach(entries::set);
    }

    private ObjectNode encrypt(byte[] plain, String aad) throws GeneralSecurityException {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        byte[] ct = cipher.doFinal(plain);
        ObjectNode n = JSON.createObjectNode();
        n.put("iv", Base64.getEncoder().encodeToString(iv));
        n.put("data", Base64.getEncoder().encodeToString(ct));
        return n;
    }

    private byte[] decrypt(com.fasterxml.jackson.databind.JsonNode entry, String aad) throws GeneralSecurityException {
        byte[] iv = Base64.getDecoder().decode(entry.path("iv").asText());
        byte[] ct = Base64.getDecoder().decode(entry.path("data").asText());
        if (iv.length != IV_BYTES || ct.length < TAG_BITS / 8) {
            throw new GeneralSecurityException("bad iv or ciphertext length");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(ct);
    }

    private static SecretKey derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            try {
                return new SecretKeySpec(k, "AES");
            } finally {
                Arrays.fill(k, (byte) 0);
            }
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("PBKDF2WithHmacSHA256 is not available in this JVM: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }

    private String wrongPassword() {
        return "Wrong master password for secrets file " + file
                + " (set FERRY_MASTER_PASSWORD or enter the password used when the file was created)";
    }

    private ObjectNode read() {
        try {
            com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(file.toFile());
            if (!(n instanceof ObjectNode) || !FORMAT.equals(n.path("format").asText())) {
                throw new SecretStoreException("File " + file + " is not a Ferry secrets file (expected \"format\": \"" + FORMAT + "\")");
            }
            if (n.path("version").asInt() != 1) {
                throw new SecretStoreException("Secrets file " + file + " has unsupported version " + n.path("version").asText()
                        + "; this Ferry reads version 1");
            }
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new SecretStoreException("Cannot read secrets file " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(ObjectNode root) {
        Path dir = file.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            Path tmp = posix
                    ? Files.createTempFile(dir, ".secrets-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".secrets-", ".tmp");
            try {
                Files.write(tmp, JSON.writeValueAsBytes(root));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            if (posix) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new SecretStoreException("Cannot write secrets file " + file + ": " + e.getMessage(), e);
        }
    }
}
