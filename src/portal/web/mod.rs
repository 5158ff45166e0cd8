//! The portal's HTTPS web app (being built).
