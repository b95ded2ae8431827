//! Match keys: the form in which two words are compared.
//!
//! The text a user sees is never altered; terms are counted by their key.

use std::borrow::Cow;

/// The match key of a word: its lowercase form.
///
/// Borrows when the word is already its own key, which is the common case for
/// running text, so most tokens cost no allocation.
///
/// ```
/// use salience::normalize::key;
/// assert_eq!(key("Summit"), "summit");
/// assert!(matches!(key("summit"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn key(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}
