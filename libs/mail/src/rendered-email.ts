export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface EmailLayoutParts {
  clinicName: string;
  heading: string;
  /** Paragraphs of plain text; escaped for HTML by the layout. */
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}
