// After django-otp-webauthn's script registers a passkey, go on to the page the button names
// (the recovery codes after a first factor, the account page after another passkey).
document.addEventListener("otp_webauthn.register_complete", (event) => {
  const next = event.target.dataset.next;
  if (next && next.startsWith("/") && !next.startsWith("//")) {
    window.location.assign(next);
  }
});
