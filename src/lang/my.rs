//! Burmese stopwords, written for salience: the particles that mark subjects,
//! objects, places, plurals and the ends of clauses, and common pronouns, in both
//! the literary and the spoken register.

/// The list.
#[rustfmt::skip]
pub(crate) const STOPWORDS: &[&str] = &[
    "သည်", "များ", "၏", "နှင့်", "ကို", "မှ", "တွင်", "၌", "သော", "သို့", "အတွက်", "ဖြင့်", "၍",
    "ပြီး", "လည်း", "ကြ", "မည်", "ခဲ့", "ပါ", "ရှိ", "ဖြစ်", "က", "မှာ", "ရဲ့", "နဲ့", "တယ်", "မယ်",
    "ဘူး", "တော့", "ပဲ", "လို့", "ဆို", "ရင်", "လျှင်", "ဒီ", "အဲဒီ", "ဤ", "ထို", "သူ", "သူမ",
    "သူတို့", "ကျွန်တော်", "ကျွန်မ", "ငါ", "မင်း", "ခင်ဗျား", "ကျွန်ုပ်", "တို့", "အား", "နေ",
];
