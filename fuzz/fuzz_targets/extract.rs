//! The extractor on arbitrary text: no panic, no hang, and every offset it
//! reports is on a character boundary and agrees with the text it claims.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for quote in quotetrack::extract_quotes(&text) {
        for span in [Some(&quote.quote), quote.cue.as_ref()]
            .into_iter()
            .flatten()
        {
            assert_eq!(
                text.get(span.start..span.end),
                Some(span.text.as_str()),
                "span {}..{} does not match its text",
                span.start,
                span.end
            );
        }
        if let Some(speaker) = &quote.speaker {
            assert_eq!(
                text.get(speaker.start..speaker.end),
                Some(speaker.text.as_str()),
                "speaker {}..{} does not match its text",
                speaker.start,
                speaker.end
            );
        }
    }
});
