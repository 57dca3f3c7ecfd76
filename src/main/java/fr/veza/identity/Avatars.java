package fr.veza.identity;

import java.util.Optional;
import java.util.UUID;

/** The avatar Veza drew for a person (512 px JPEG), for front ends that fetch images by account. */
public interface Avatars {

    /** Empty when the account is closed or has no avatar uploaded to Veza. */
    Optional<byte[]> avatar(UUID userId);
}
