vcl 4.1;

# The edge cache in front of gunicorn (docs/deploy.md). Anonymous visitors' page views
# are cached until the site purges them on publish (edgecache/); everything personal
# passes straight through.
#
# backend.vcl defines the backend ("default") and the purgers ACL (who may PURGE);
# `make serve` writes one next to this file's copy, a deployment writes its own.
include "backend.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # Ban every cached copy of this path, whatever its query string (the A–Z's
        # pages, ?letter=) and host name the site was reached by.
        ban("obj.http.X-Path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, previews and share links, the newsletter signup and its CSRF token,
    # the language switcher and "/" (which redirects by the language cookie), search
    # results: personal or endless, never cached.
    if (req.url ~ "^/(admin|share|documents|language)(/|$)"
        || req.url ~ "^/[a-z]{2}(-[a-z]+)?/(newsletter|search)/"
        || req.url ~ "^/(\?.*)?$") {
        return (pass);
    }
    # A logged-in editor gets their own page (with Wagtail's user bar) and never fills
    # the cache with it.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anything else is the same page for every visitor: the cookies a browser sends
    # (analytics, csrftoken, the language choice) do not change it. Pages say
    # "Vary: Cookie" because of the user bar; without the Cookie header every
    # anonymous visitor shares one copy.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Remembered for bans (PURGE above); removed before delivery.
    set beresp.http.X-Path = regsub(bereq.url, "\?.*$", "");
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Pages carry no Cache-Control of their own: keep them until purged. Responses that
    # set cookies or say private/no-store (never_cache views, private pages) are not
    # cached, as in Varnish's built-in rules.
    if (!beresp.http.Cache-Control && !beresp.http.Set-Cookie
        && (beresp.status == 200 || beresp.status == 301 || beresp.status == 302
            || beresp.status == 404)) {
        set beresp.ttl = 1d;
        # Compressed here, once per copy. Only what is kept for everyone: such a page holds
        # no secret (no CSRF token, no session), so compression leaks nothing (BREACH);
        # the newsletter page and search results pass uncompressed. Clients that do not
        # ask for gzip get the copy uncompressed. Static files come compressed already.
        if (beresp.http.Content-Type ~ "^(text/html|application/(xml|atom\+xml|json))") {
            set beresp.do_gzip = true;
        }
        # Browsers revalidate; only the edge keeps the page.
        set beresp.http.Cache-Control = "no-cache";
        set beresp.grace = 0s;
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.X-Path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
