//! Every page the portal shows, as maud templates (maud escapes what it
//! interpolates; the only `PreEscaped` is the sanitized message HTML). No
//! scripts and no external assets: the CSP forbids both, and the pages must
//! work with JavaScript off, on a phone, with a screen reader and on paper.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::portal::access::MessageView;

/// What a reply may weigh in total, said on the form and on the refusal.
pub const REPLY_LIMIT_TEXT: &str = "25 MB";

fn layout(org: &str, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="robots" content="noindex, nofollow";
                title { (title) " – " (org) }
                link rel="stylesheet" href="/static/portal.css";
            }
            body {
                header.site { p.org { (org) } p.tagline { "Secure message portal" } }
                main { (body) }
            }
        }
    }
}

/// The one page for unknown, expired, revoked and purged links alike.
pub fn not_valid(org: &str) -> Markup {
    layout(
        org,
        "Link not valid",
        html! {
            h1 { "This link is not valid" }
            p { "This link is not valid. It may have expired or been withdrawn. Ask the sender to send the message again." }
        },
    )
}

pub fn landing(org: &str, token: &str) -> Markup {
    layout(
        org,
        "Secure message",
        html! {
            h1 { "You have a secure message from " (org) }
            p { "To keep it private, we will email a one-time code to the address this message was sent to. Enter the code on the next page to read the message." }
            form method="post" action=(format!("/m/{token}/send")) {
                button type="submit" { "Email me a code" }
            }
        },
    )
}

/// What the code page says above the form.
pub enum CodeNotice {
    None,
    Sent,
    Wrong { attempts_left: u32 },
    Expired,
    Malformed,
}

pub fn code_form(org: &str, token: &str, notice: &CodeNotice) -> Markup {
    layout(
        org,
        "Enter your code",
        html! {
            h1 { "Enter your one-time code" }
            @match notice {
                CodeNotice::None => {}
                CodeNotice::Sent => p.notice role="status" { "We emailed you a code. It may take a minute to arrive; check your junk folder too." }
                CodeNotice::Wrong { attempts_left } => p.error role="alert" {
                    "That code is not right. " (attempts_left) " " (if *attempts_left == 1 { "attempt" } else { "attempts" }) " left."
                }
                CodeNotice::Expired => p.error role="alert" { "That code has expired, or no code was sent yet. Ask for a new code below." }
                CodeNotice::Malformed => p.error role="alert" { "The code is 6 to 8 digits. Please check it and try again." }
            }
            form method="post" action=(format!("/m/{token}/verify")) {
                label for="code" { "One-time code from the email" }
                input #code type="text" name="code" inputmode="numeric" autocomplete="one-time-code"
                    pattern="[0-9]{6,8}" minlength="6" maxlength="8" required;
                button type="submit" { "Continue" }
            }
            form.secondary method="post" action=(format!("/m/{token}/send")) {
                button type="submit" { "Send a new code" }
            }
        },
    )
}

pub fn locked(org: &str, until_utc: &str) -> Markup {
    layout(
        org,
        "Locked",
        html! {
            h1 { "Too many wrong codes" }
            p { "To protect this message, code entry is locked until " strong { (until_utc) } "." }
            p { "Please wait until then and ask for a new code, or contact the sender if you need the message sooner." }
        },
    )
}

pub fn rate_limited(org: &str, retry_after_secs: u64) -> Markup {
    let minutes = retry_after_secs.div_ceil(60).max(1);
    layout(
        org,
        "Slow down",
        html! {
            h1 { "Too many requests" }
            p { "Please wait about " (minutes) " " (if minutes == 1 { "minute" } else { "minutes" }) " and try again." }
        },
    )
}

pub fn forbidden(org: &str) -> Markup {
    layout(
        org,
        "Not allowed",
        html! {
            h1 { "This request was not allowed" }
            p { "For your safety, the portal only accepts forms sent from its own pages. Open the link from your email again and retry." }
        },
    )
}

pub fn unavailable(org: &str) -> Markup {
    layout(
        org,
        "Unavailable",
        html! {
            h1 { "The portal is unavailable" }
            p { "Something went wrong on our side. Please try again in a few minutes." }
        },
    )
}

pub fn bad_request(org: &str, what: &str) -> Markup {
    layout(
        org,
        "Please check",
        html! {
            h1 { "Something was missing" }
            p { (what) }
            p { "Use your browser's back button to return and try again." }
        },
    )
}

pub fn too_large(org: &str) -> Markup {
    layout(
        org,
        "Too large",
        html! {
            h1 { "Your reply is too large" }
            p { "A reply and its files may be up to " (REPLY_LIMIT_TEXT) " in total. Go back, remove or shrink some files, and send again." }
        },
    )
}

pub fn reply_sent(org: &str, token: &str, to: &str) -> Markup {
    layout(
        org,
        "Reply sent",
        html! {
            h1 { "Reply sent" }
            p role="status" { "Your reply was received and is on its way to " (to) "." }
            p { a href=(format!("/m/{token}/view")) { "Back to the message" } }
        },
    )
}

/// The message page. `safe_html` is the sanitizer's output, never the
/// sender's raw HTML.
pub fn message(
    org: &str,
    token: &str,
    view: &MessageView,
    safe_html: Option<&str>,
    csrf: &str,
) -> Markup {
    let subject = if view.subject.trim().is_empty() {
        "(no subject)"
    } else {
        view.subject.as_str()
    };
    layout(
        org,
        subject,
        html! {
            article.message {
                h1 { (subject) }
                dl.meta {
                    dt { "From" } dd { (view.from) }
                    dt { "To" } dd { (view.to) }
                    dt { "Date" } dd { (view.date) }
                }
                @if let Some(safe) = safe_html {
                    section.body aria-label="Message" { (PreEscaped(safe)) }
                } @else if let Some(text) = &view.text {
                    section.body aria-label="Message" { pre.text { (text) } }
                } @else {
                    p { "This message has no text." }
                }
                @if !view.attachments.is_empty() {
                    section.attachments {
                        h2 { "Attachments" }
                        ul {
                            @for a in &view.attachments {
                                li {
                                    a href=(format!("/m/{token}/a/{}", a.index)) download { (a.name) }
                                    " " span.size { "(" (human_size(a.size)) ")" }
                                }
                            }
                        }
                    }
                }
            }
            section.reply {
                h2 { "Reply securely" }
                form method="post" action=(format!("/m/{token}/reply")) enctype="multipart/form-data" {
                    input type="hidden" name="csrf" value=(csrf);
                    label for="reply-text" { "Your reply" }
                    textarea #reply-text name="text" rows="8" required {}
                    label for="reply-file" { "Attach files (optional, up to " (REPLY_LIMIT_TEXT) " in total)" }
                    input #reply-file type="file" name="file" multiple;
                    button type="submit" { "Send reply" }
                }
            }
        },
    )
}

fn human_size(bytes: usize) -> String {
    const KB: usize = 1024;
    const MB: usize = 1024 * 1024;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < MB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        format!("{}.{} MB", bytes / MB, (bytes % MB) * 10 / MB)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(5), "5 bytes");
        assert_eq!(human_size(1025), "2 KB");
        assert_eq!(human_size(3 * 1024 * 1024 + 512 * 1024), "3.5 MB");
    }

    #[test]
    fn interpolated_text_is_escaped() {
        let page = landing("<b>Org</b>", "tok").into_string();
        assert!(page.contains("&lt;b&gt;Org&lt;/b&gt;"));
        assert!(!page.contains("<b>Org"));
        assert!(page.contains(r#"<html lang="en">"#));
    }
}
