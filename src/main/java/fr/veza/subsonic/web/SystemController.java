package fr.veza.subsonic.web;

import fr.veza.identity.PlayerCredentials.Player;
import fr.veza.identity.Role;
import fr.veza.identity.UserDirectory;
import fr.veza.subsonic.internal.SubsonicAuthenticator;
import fr.veza.subsonic.internal.SubsonicError;
import fr.veza.subsonic.internal.SubsonicNode;
import fr.veza.subsonic.internal.SubsonicWriter;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Subsonic system endpoints: is the server there, who am I, which folders and extensions it has. */
@RestController
@Hidden
class SystemController {

    /** Veza has one library; players ask for its folders before anything else. */
    static final int MUSIC_FOLDER = 1;

    private final SubsonicAuthenticator auth;
    private final SubsonicWriter writer;
    private final UserDirectory users;

    SystemController(SubsonicAuthenticator auth, SubsonicWriter writer, UserDirectory users) {
        this.auth = auth;
        this.writer = writer;
        this.users = users;
    }

    @RequestMapping(
            value = {"/rest/ping", "/rest/ping.view"},
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> ping(HttpServletRequest request, @RequestParam(required = false) String f) {
        auth.authenticate(request);
        return writer.ok(f);
    }

    @RequestMapping(
            value = {"/rest/getLicense", "/rest/getLicense.view"},
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> license(HttpServletRequest request, @RequestParam(required = false) String f) {
        auth.authenticate(request);
        return writer.ok(f, SubsonicNode.of("license").with("valid", true));
    }

    /** Open to anyone, as OpenSubsonic asks: players look before they sign in. */
    @RequestMapping(
            value = {"/rest/getOpenSubsonicExtensions", "/rest/getOpenSubsonicExtensions.view"},
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> extensions(@RequestParam(required = false) String f) {
        return writer.ok(
                f,
                SubsonicNode.item("openSubsonicExtensions")
                        .with("name", "apiKeyAuthentication")
                        .add(SubsonicNode.item("versions").text(1)),
                SubsonicNode.item("openSubsonicExtensions")
                        .with("name", "formPost")
                        .add(SubsonicNode.item("versions").text(1)));
    }

    @RequestMapping(
            value = {"/rest/getUser", "/rest/getUser.view"},
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> user(
            HttpServletRequest request,
            @RequestParam(required = false) String f,
            @RequestParam(required = false) String username) {
        Player player = auth.authenticate(request);
        UserDirectory.UserSummary me = users.find(player.user().id())
                .orElseThrow(() -> new SubsonicError(SubsonicError.NOT_FOUND, "User not found."));
        if (username != null
                && !username.equalsIgnoreCase(me.username())
                && !player.user().isAdmin()) {
            throw new SubsonicError(SubsonicError.NOT_AUTHORISED, "You may only read your own account.");
        }
        boolean admin = player.user().isAdmin();
        boolean write = player.mayWrite();
        return writer.ok(
                f,
                SubsonicNode.of("user")
                        .with("username", me.username())
                        .with("scrobblingEnabled", write)
                        .with("adminRole", admin)
                        .with("settingsRole", false)
                        .with("downloadRole", true)
                        .with("uploadRole", player.user().role() != Role.LISTENER && write)
                        .with("playlistRole", write)
                        .with("coverArtRole", false)
                        .with("commentRole", false)
                        .with("podcastRole", false)
                        .with("streamRole", true)
                        .with("jukeboxRole", false)
                        .with("shareRole", false)
                        .with("videoConversionRole", false)
                        .add(SubsonicNode.item("folder").text(MUSIC_FOLDER)));
    }

    /** What Veza does not answer yet says so in the protocol's words, never as an HTML or JSON 404. */
    @RequestMapping(
            value = "/rest/**",
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> notYet(HttpServletRequest request, @RequestParam(required = false) String f) {
        auth.authenticate(request);
        String name = request.getRequestURI().substring("/rest/".length()).replaceFirst("\\.view$", "");
        throw new SubsonicError(SubsonicError.GENERIC, "Veza does not implement " + name + " yet.");
    }

    @RequestMapping(
            value = {"/rest/getMusicFolders", "/rest/getMusicFolders.view"},
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<String> musicFolders(HttpServletRequest request, @RequestParam(required = false) String f) {
        auth.authenticate(request);
        return writer.ok(
                f,
                SubsonicNode.of("musicFolders")
                        .add(SubsonicNode.item("musicFolder")
                                .with("id", MUSIC_FOLDER)
                                .with("name", "Veza")));
    }
}
