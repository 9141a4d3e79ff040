// Starts the NHS design system's components. Its module's address is hashed in production, so the page
// names it on this script's tag (data-design-system) rather than this file importing a fixed path.
const script = document.querySelector("script[data-design-system]");
import(script.dataset.designSystem).then(({ initAll }) => initAll());
