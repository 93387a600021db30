package org.orgllm.domain.model.user;

import java.util.List;
import java.util.Optional;

/** Where people are kept. */
public interface UserRepository {

    Optional<AppUser> find(String username);

    List<AppUser> findAll();

    long count();

    void store(AppUser user);
}
