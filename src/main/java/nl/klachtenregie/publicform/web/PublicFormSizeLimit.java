package nl.klachtenregie.publicform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Verzendgrootte: a post to the public form of more than 128 KB is refused before its body is read (413, a page in
 * the form's style). The form's largest honest content (5,000 plus 2,000 characters, each up to 12 bytes once
 * encoded) stays well below it, so nothing a person types is refused here rather than with a field message.
 */
@ServerFilter("/klacht/**")
class PublicFormSizeLimit implements Ordered {

    static final long MAX_BYTES = 128 * 1024;

    private final PublicPages pages;

    PublicFormSizeLimit(PublicPages pages) {
        this.pages = pages;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST) {
            return null;
        }
        long length = request.getContentLength();
        if (length > MAX_BYTES) {
            return page(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "publicform.tooLarge.title",
                    "publicform.tooLarge.text");
        }
        // A body without a length (chunked) could be any size by the time it is read; browsers always send one.
        if (length < 0 && request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return page(request, HttpStatus.LENGTH_REQUIRED, "publicform.lengthRequired.title",
                    "publicform.lengthRequired.text");
        }
        return null;
    }

    @Override
    public int getOrder() {
        // Before anything reads or binds the body.
        return HIGHEST_PRECEDENCE + 100;
    }

    private HttpResponse<?> page(HttpRequest<?> request, HttpStatus status, String titleKey, String messageKey) {
        // A response made by a filter does not pass the views filter: the page is rendered to text.
        return pages.refusal(request, status, null, titleKey, messageKey).header(HttpHeaders.CONNECTION, "close");
    }
}
