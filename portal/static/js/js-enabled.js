// Marks the page as scripted before it is drawn, as the NHS design system expects (its styles for
// components that need JavaScript key on these classes). Loaded, not inline: the CSP allows no inline script.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " nhsuk-frontend-supported" : "");
