//! Amharic stopwords, written for salience: pronouns, the copula, conjunctions,
//! postpositions and question words, as free-standing words (the prefixed
//! prepositions `በ` `ለ` `ከ` `የ` are part of the words they mark and are not listed).

/// The list.
#[rustfmt::skip]
pub(crate) const STOPWORDS: &[&str] = &[
    "እና", "ነው", "ናቸው", "ነች", "ነበር", "ነበሩ", "ነበረች", "አለ", "አሉ", "አለች", "የለም", "አይደለም",
    "ግን", "ወይም", "ደግሞ", "እንዲሁም", "ስለዚህ", "ነገር", "ብቻ", "ሁሉ", "ሁሉም", "ሌላ", "ሌሎች",
    "ይህ", "ይህን", "ይህም", "ያ", "ያን", "እነዚህ", "እነዚያ", "እዚህ", "እዚያ", "እኔ", "አንተ", "አንቺ",
    "እሱ", "እሷ", "እርሱ", "እርሷ", "እኛ", "እናንተ", "እነሱ", "እርሳቸው", "ላይ", "ውስጥ", "ወደ", "ጋር",
    "እንደ", "ስለ", "እስከ", "ያለ", "በኋላ", "በፊት", "ምን", "ማን", "የት", "መቼ", "እንዴት", "ለምን",
    "ሲሆን", "ሆኖ", "አንድ", "ምንም", "በጣም",
];
