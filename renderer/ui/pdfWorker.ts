/** The pdfjs worker, bundled by Vite into the app's own origin (the CSP allows no other script source). */
import "pdfjs-dist/build/pdf.worker.min.mjs";
