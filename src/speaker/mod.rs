//! Speaker mentions and their resolution within an article.
