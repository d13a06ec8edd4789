"""Generate matcher's fictional sample resumes and job postings.

Run from the repository root (or anywhere):

    .venv/bin/python samples/make_samples.py            # (re)write samples/ next to this script
    .venv/bin/python samples/make_samples.py --check    # exit 1 if the committed files are stale
    .venv/bin/python samples/make_samples.py --out DIR  # write the same tree somewhere else

Every person and every posting is data in this file (``PEOPLE`` and ``JOBS``, one dict each), so a
new sample is one more dict.  The output is deterministic: no randomness, PDFs are written with
reportlab's ``invariant=1`` (fixed creation date and document id), DOCX files get fixed core
properties and fixed zip timestamps.  Running the script twice gives byte-identical files.

All people, e-mail addresses (``@example.com``), phone numbers (the 555-01xx and 07700 900xxx
ranges reserved for fiction), profile links and organisations are invented.

Years of experience in ``README.md`` and ``manifest.json`` are computed from each position's
structured ``start``/``end``, "present" meaning ``AS_OF`` (use ``--as-of 2026-11`` with matcher).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import shutil
import sys
import tempfile
import textwrap
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent
AS_OF = "2026-11"  # what "Present" means for the years stated in README.md / manifest.json
FIXED_DATE = dt.datetime(2026, 11, 1, 9, 0, 0)  # DOCX core properties
ZIP_DATE = (2026, 11, 1, 9, 0, 0)  # DOCX zip member timestamps
CREATOR = "matcher samples/make_samples.py"
# "•" in the standard Helvetica/Times fonts is written as WinAnsi code 127, which text extractors
# report as "(cid:127)"; the Symbol font's bullet extracts as "•", as it does from real resumes.
BULLET_FONT = "Symbol"

GUIDE_CERTS = {
    "AWS Certified Machine Learning – Specialty": "aws-certified-machine-learning-specialty",
    "Microsoft Azure AI Engineer Associate": "microsoft-azure-ai-engineer-associate",
    "Google Professional Machine Learning Engineer": (
        "google-professional-machine-learning-engineer"
    ),
}

# --------------------------------------------------------------------------------------------
# People.  Keys every resume has:
#   file, format, layout, level (level id or None), industry (industry id or None), note
#   name, headline, contact{email, phone, location, linkedin, github?}, summary
#   experience[{title, org, location, dates (as printed), start, end ("YYYY-MM" | "present"),
#               bullets[]}], education[{degree, field, institution, year, detail?}],
#   skills[{area, items[], years?}], projects[{name, text}], certifications[{name, year}]
# Optional: headings{section: printed heading}, extra[(heading, [lines])], pages (expected).
# --------------------------------------------------------------------------------------------

PEOPLE: list[dict[str, Any]] = [
    {
        "file": "entry_retail_lena_marwick.pdf",
        "layout": "single-column",
        "level": "entry-level-ai-engineer",
        "industry": "retail-ecommerce",
        "note": "strong-skills new grad: 1 y full-time plus two summer internships",
        "pages": 1,
        "name": "Lena Marwick",
        "headline": "Junior Machine Learning Engineer · Recommendations & Forecasting",
        "contact": {
            "email": "lena.marwick@example.com",
            "phone": "(312) 555-0148",
            "location": "Chicago, IL",
            "linkedin": "linkedin.com/in/lena-marwick-example",
            "github": "github.com/lmarwick-example",
        },
        "headings": {"experience": "Experience", "projects": "Projects"},
        "summary": (
            "Junior machine learning engineer with one year of full-time experience at an online "
            "retailer and two data-science internships in e-commerce. I build recommendation, "
            "search-ranking and demand-forecasting models in Python and ship them behind FastAPI "
            "services on AWS, with solid grounding in statistics and linear algebra."
        ),
        "experience": [
            {
                "title": "Junior Machine Learning Engineer",
                "org": "Tailwind Traders (online home-goods retailer)",
                "location": "Chicago, IL",
                "dates": "Oct 2025 – Present",
                "start": "2025-10",
                "end": "present",
                "bullets": [
                    "Prepare and clean clickstream and order data (40M events a day) with pandas "
                    "and SQL in Snowflake for the product recommendation team.",
                    "Trained a two-tower retrieval model in PyTorch for “similar items” "
                    "recommendations; offline recall@20 up 9% over the matrix-factorisation "
                    "baseline.",
                    "Write model tests and evaluation notebooks (precision@k, NDCG) and track "
                    "experiments in MLflow.",
                    "Packaged the re-ranking model as a FastAPI service in Docker and deployed it "
                    "to AWS SageMaker endpoints together with a senior engineer.",
                ],
            },
            {
                "title": "Machine Learning Intern",
                "org": "Fabrikam Grocers (online grocery delivery)",
                "location": "Chicago, IL",
                "dates": "Summer 2024",
                "start": "2024-06",
                "end": "2024-08",
                "bullets": [
                    "Built a weekly inventory forecasting prototype for 1,200 SKUs with LightGBM "
                    "and scikit-learn; MAPE on perishables fell from 31% to 22%.",
                    "Automated the feature pipeline (holidays, promotions, weather) as an Airflow "
                    "DAG writing to PostgreSQL.",
                ],
            },
            {
                "title": "Data Science Intern",
                "org": "Wide World Importers (online marketplace)",
                "location": "Milwaukee, WI",
                "dates": "Summer 2023",
                "start": "2023-06",
                "end": "2023-08",
                "bullets": [
                    "Ran market basket analysis (Apriori, FP-Growth) on 3M orders to propose "
                    "product bundles; two bundles went live on the checkout page.",
                    "Labelled 5,000 search queries and compared BM25 with sentence-embedding "
                    "ranking for e-commerce search relevance.",
                ],
            },
        ],
        "education": [
            {
                "degree": "B.S.",
                "field": "Computer Science, minor in Statistics",
                "institution": "Northfield State University",
                "year": 2025,
                "detail": "GPA 3.8/4.0 · Machine Learning, Deep Learning, Linear Algebra, "
                "Probability, Databases",
            }
        ],
        "skills": [
            {"area": "Languages", "items": ["Python", "SQL", "Java"]},
            {
                "area": "Machine learning",
                "items": ["scikit-learn", "PyTorch", "LightGBM", "pandas", "NumPy", "Prophet"],
            },
            {"area": "Data", "items": ["Snowflake", "PostgreSQL", "Airflow", "Spark (basics)"]},
            {
                "area": "Deployment & cloud",
                "items": [
                    "Docker",
                    "FastAPI",
                    "MLflow",
                    "Git",
                    "GitHub Actions",
                    "AWS (SageMaker, S3, Lambda)",
                ],
            },
        ],
        "projects": [
            {
                "name": "ShelfSense",
                "text": "Grocery demand forecasting on a public retail data set with Prophet and "
                "LightGBM, plus a Streamlit dashboard (github.com/lmarwick-example/shelfsense).",
            },
            {
                "name": "Product image classifier",
                "text": "Fine-tuned a ResNet-50 in PyTorch to tag 12 apparel categories (94% "
                "accuracy) during a 48-hour hackathon.",
            },
            {
                "name": "Recipe chatbot",
                "text": "Small retrieval chatbot over 2,000 recipes using sentence-transformers "
                "embeddings and a FAISS index.",
            },
        ],
        "certifications": [
            {"name": "AWS Certified Cloud Practitioner", "year": 2025},
            {"name": "Machine Learning Specialization (Coursera)", "year": 2023},
        ],
    },
    {
        "file": "mle_finance_tomas_ferreira.pdf",
        "layout": "two-column",
        "level": "machine-learning-engineer",
        "industry": "finance",
        "note": "fraud detection, credit risk, AML, trading; UK phone number",
        "pages": 1,
        "name": "Tomás Ferreira",
        "headline": "Machine Learning Engineer — Fraud Detection & Credit Risk",
        "contact": {
            "email": "tomas.ferreira@example.com",
            "phone": "+44 7700 900417",
            "location": "London, UK",
            "linkedin": "linkedin.com/in/tferreira-example",
            "github": "github.com/tferreira-example",
        },
        "headings": {
            "summary": "Profile",
            "experience": "Work Experience",
            "skills": "Skills",
            "certifications": "Certifications",
        },
        "summary": (
            "Machine learning engineer with almost four years in banking and payments. I build and "
            "deploy real-time fraud detection and credit risk models, from feature engineering in "
            "Spark to low-latency serving on Kubernetes, and own them end to end: data, training, "
            "validation with model-risk teams, deployment and drift monitoring."
        ),
        "experience": [
            {
                "title": "Machine Learning Engineer",
                "org": "Contoso Bank",
                "location": "London",
                "dates": "2024-02 to present",
                "start": "2024-02",
                "end": "present",
                "bullets": [
                    "Developed the card fraud detection model (XGBoost with graph features) that "
                    "scores 2,500 transactions a second; fraud losses down 18% at the same "
                    "false-positive rate.",
                    "Built streaming features with Kafka and Spark Structured Streaming and a "
                    "Feast feature store with online/offline parity tests.",
                    "Cut p99 inference latency from 45 ms to 9 ms by exporting models to ONNX and "
                    "serving them with FastAPI on Kubernetes (AWS EKS).",
                    "Set up the MLflow model registry, champion/challenger releases and PSI drift "
                    "alerts for 14 production models.",
                    "Reduced false alerts of the anti-money-laundering (AML) transaction "
                    "monitoring system by 27% with a gradient-boosted triage model approved by "
                    "model risk.",
                ],
            },
            {
                "title": "Data Scientist",
                "org": "Woodgrove Payments",
                "location": "London",
                "dates": "2023-01 to 2024-01",
                "start": "2023-01",
                "end": "2024-01",
                "bullets": [
                    "Built a credit risk scorecard (logistic regression and monotonic LightGBM) "
                    "for small-business loans; Gini 0.61 against 0.52 for the bureau score.",
                    "Wrote SQL and pandas pipelines on PostgreSQL and BigQuery, scheduled with "
                    "Airflow.",
                    "Prototyped intraday trading-volume forecasts for the treasury desk with "
                    "PyTorch LSTMs.",
                ],
            },
        ],
        "education": [
            {
                "degree": "M.Sc.",
                "field": "Applied Mathematics",
                "institution": "Eastmoor University, London",
                "year": 2022,
            },
            {
                "degree": "B.Sc.",
                "field": "Mathematics",
                "institution": "Universidade do Vale Alto, Portugal",
                "year": 2021,
            },
        ],
        "skills": [
            {"area": "Languages", "items": ["Python", "SQL", "Scala (basic)"]},
            {"area": "Modelling", "items": ["PyTorch", "XGBoost", "LightGBM", "scikit-learn"]},
            {"area": "Data", "items": ["Spark", "Kafka", "Airflow", "Feast", "BigQuery"]},
            {"area": "MLOps", "items": ["Docker", "Kubernetes", "MLflow", "FastAPI", "ONNX"]},
            {"area": "Cloud", "items": ["AWS (SageMaker, EKS, S3)"]},
        ],
        "projects": [
            {
                "name": "txgraph",
                "text": "Open-source library of transaction-graph features for fraud models "
                "(github.com/tferreira-example/txgraph).",
            }
        ],
        "certifications": [{"name": "AWS Certified Machine Learning – Specialty", "year": 2024}],
        "extra": [("Languages", ["English (fluent)", "Portuguese (native)"])],
    },
    {
        "file": "senior_healthcare_ananya_rao.pdf",
        "layout": "skills-grid",
        "level": "senior-ai-engineer",
        "industry": "healthcare",
        "note": "architecture + team leadership; clinical NLP, EHR, HIPAA, radiology imaging",
        "pages": 2,
        "name": "Ananya Rao",
        "headline": "Senior AI Engineer — Clinical NLP & Medical Imaging",
        "contact": {
            "email": "ananya.rao@example.com",
            "phone": "(617) 555-0192",
            "location": "Boston, MA",
            "linkedin": "linkedin.com/in/ananya-rao-example",
            "github": "github.com/arao-example",
        },
        "headings": {
            "summary": "Professional Summary",
            "skills": "Core Skills",
            "experience": "Professional Experience",
            "projects": "Publications & Talks",
        },
        "summary": (
            "Senior AI engineer with 6+ years of experience building clinical NLP and radiology "
            "imaging systems in regulated healthcare settings. I lead a team of six engineers, own "
            "the architecture of Northwind Health's clinical AI platform, and have taken models "
            "from research to HIPAA-compliant production used in 40 hospitals."
        ),
        "experience": [
            {
                "title": "Senior AI Engineer, Tech Lead — Clinical AI Platform",
                "org": "Northwind Health",
                "location": "Boston, MA",
                "dates": "09/2022 - Present",
                "start": "2022-09",
                "end": "present",
                "bullets": [
                    "Designed the architecture of the clinical AI platform: FHIR-based EHR "
                    "ingestion, de-identification, model serving on Kubernetes (AWS EKS) and audit "
                    "logging that passed HIPAA and SOC 2 reviews.",
                    "Lead a team of 6 ML engineers: hiring, design reviews, quarterly planning; "
                    "mentored two engineers to senior.",
                    "Built a clinical NLP pipeline (spaCy and a ClinicalBERT model fine-tuned with "
                    "Hugging Face Transformers) that extracts diagnoses and medications from 2M "
                    "notes a month at F1 0.91.",
                    "Launched a RAG discharge-summary assistant with LangChain, Azure OpenAI and "
                    "pgvector over de-identified notes; clinician review time down 35%.",
                    "Introduced MLOps standards across three teams: MLflow registry, "
                    "Terraform-managed infrastructure, canary releases and drift monitoring with "
                    "Evidently.",
                    "Defined model validation and the quality system with compliance and clinical "
                    "informatics for two FDA software-as-a-medical-device (SaMD) submissions.",
                    "Chose the platform's build-vs-buy options (labelling, vector store, LLM "
                    "provider) and wrote the architecture decision records.",
                ],
            },
            {
                "title": "Machine Learning Engineer",
                "org": "Lucerne Medical Imaging",
                "location": "Cambridge, MA",
                "dates": "05/2020 - 08/2022",
                "start": "2020-05",
                "end": "2022-08",
                "bullets": [
                    "Trained 3D U-Net and nnU-Net segmentation models in PyTorch on 60,000 chest "
                    "CT scans (DICOM) for lung-nodule detection: 94% sensitivity at one false "
                    "positive per scan.",
                    "Built the DICOM ingestion and pre-processing pipeline on AWS (S3, Batch, "
                    "SageMaker training jobs) with MONAI transforms.",
                    "Cut per-study inference from 40 s to 6 s with TensorRT for the radiology PACS "
                    "integration.",
                    "Wrote model cards and the performance testing for the 510(k) clearance of "
                    "the nodule-detection product.",
                    "Set up active-learning loops with radiologists in Label Studio, halving "
                    "annotation time per study.",
                ],
            },
        ],
        "education": [
            {
                "degree": "M.S.",
                "field": "Biomedical Informatics",
                "institution": "Lakemont University, Boston, MA",
                "year": 2020,
                "detail": "Thesis: weak supervision for radiology report labelling",
            },
            {
                "degree": "B.Tech.",
                "field": "Computer Science and Engineering",
                "institution": "Deccan Institute of Technology, Hyderabad",
                "year": 2018,
            },
        ],
        "skills": [
            {"area": "Programming", "items": ["Python", "SQL", "Scala", "Bash"], "years": "7 yrs"},
            {
                "area": "Machine learning",
                "items": ["PyTorch", "TensorFlow", "scikit-learn", "XGBoost", "MONAI"],
                "years": "6 yrs",
            },
            {
                "area": "NLP & GenAI",
                "items": [
                    "Hugging Face Transformers",
                    "spaCy",
                    "ClinicalBERT",
                    "LLM fine-tuning (LoRA)",
                    "RAG",
                    "LangChain",
                ],
                "years": "4 yrs",
            },
            {
                "area": "Medical imaging",
                "items": ["DICOM", "nnU-Net", "OpenCV", "TensorRT", "computer vision"],
                "years": "3 yrs",
            },
            {
                "area": "MLOps",
                "items": ["MLflow", "Kubeflow", "Docker", "Kubernetes", "Terraform", "Airflow"],
                "years": "5 yrs",
            },
            {
                "area": "Cloud",
                "items": ["AWS (SageMaker, EKS, S3, Batch)", "Azure OpenAI"],
                "years": "6 yrs",
            },
            {
                "area": "Healthcare",
                "items": [
                    "HL7 FHIR",
                    "EHR (Epic, Cerner)",
                    "HIPAA",
                    "FDA SaMD",
                    "PHI de-identification",
                ],
                "years": "6 yrs",
            },
            {
                "area": "Leadership",
                "items": ["Team leadership", "hiring", "architecture reviews", "mentoring"],
                "years": "4 yrs",
            },
        ],
        "projects": [
            {
                "name": "Section-aware clinical NLP for discharge summaries",
                "text": "A. Rao, L. Chen. Workshop paper, Clinical NLP Workshop 2023.",
            },
            {
                "name": "Weakly supervised labelling of radiology reports",
                "text": "A. Rao, M. Duarte, P. Lindholm. Poster, Medical Imaging Symposium 2020.",
            },
            {
                "name": "Talk: Shipping LLM features under HIPAA",
                "text": "Boston Health AI Meetup, 2024.",
            },
        ],
        "certifications": [
            {"name": "Google Professional Machine Learning Engineer", "year": 2023},
            {"name": "AWS Certified Machine Learning – Specialty", "year": 2021},
        ],
        "extra": [
            (
                "Awards",
                [
                    "Northwind Health Innovation Award 2024 — discharge-summary assistant",
                    "Best Student Paper runner-up, Medical Imaging Symposium 2020",
                ],
            )
        ],
    },
    {
        "file": "architect_manufacturing_henrik_lindqvist.pdf",
        "layout": "latex-like",
        "level": "ai-architect",
        "industry": "manufacturing",
        "note": "enterprise AI strategy, large-scale system design; predictive maintenance, "
        "PLC/SCADA, vision QC, OEE",
        "pages": 2,
        "name": "Henrik Lindqvist",
        "headline": "AI Architect · Industrial AI and Smart Manufacturing",
        "contact": {
            "email": "henrik.lindqvist@example.com",
            "phone": "(313) 555-0116",
            "location": "Detroit, MI",
            "linkedin": "linkedin.com/in/henrik-lindqvist-example",
            "github": "github.com/hlindqvist-example",
        },
        "headings": {
            "summary": "Summary",
            "experience": "Experience",
            "skills": "Technical Skills",
            "projects": "Selected Projects and Talks",
        },
        "summary": (
            "AI architect with 11 years of experience designing machine learning systems for "
            "discrete and process manufacturing. I set the enterprise AI strategy for 14 plants, "
            "design large-scale edge-to-cloud architectures for predictive maintenance and "
            "vision-based quality control, and provide technical leadership to a community of 40 "
            "engineers and data scientists."
        ),
        "experience": [
            {
                "title": "Principal AI Architect",
                "org": "Fabrikam Industrial",
                "location": "Detroit, MI",
                "dates": "2021 – Present",
                "start": "2021-01",
                "end": "present",
                "bullets": [
                    "Own the enterprise AI strategy and reference architecture for 14 plants and "
                    "2,300 connected machines; three-year roadmap and $9M budget approved by the "
                    "CTO and the operations board.",
                    "Designed a large-scale edge-to-cloud platform: OPC UA and MQTT ingestion from "
                    "PLC and SCADA systems, Kafka, Azure IoT Hub and a Databricks (Spark) "
                    "lakehouse handling 1.2 billion sensor readings a day.",
                    "Architected predictive maintenance for CNC spindles and stamping presses "
                    "(PyTorch autoencoders, survival models); unplanned downtime down 23% and OEE "
                    "up 6 points.",
                    "Led the quality control vision programme: YOLOv8 and PatchCore defect "
                    "detection on NVIDIA Jetson edge devices, trained with Azure ML pipelines; "
                    "scrap rate down 31%.",
                    "Chair the AI architecture review board and set the standards for MLOps "
                    "(Azure ML, MLflow, Kubernetes on AKS, Terraform), model governance and OT "
                    "security (IEC 62443).",
                    "Technical leadership for 40 engineers in five teams; mentor the lead "
                    "engineers and run the internal AI academy.",
                ],
            },
            {
                "title": "Lead Machine Learning Engineer",
                "org": "Proseware Automation",
                "location": "Columbus, OH",
                "dates": "2018 – 2020",
                "start": "2018-01",
                "end": "2020-12",
                "bullets": [
                    "Led a team of seven building a soft-sensor and process-optimisation product "
                    "for injection moulding, deployed at 60 customer sites.",
                    "Designed time-series pipelines from SCADA historians (OSIsoft PI) into AWS "
                    "(Kinesis, S3, SageMaker); LSTM and gradient-boosting models predict cycle "
                    "time and part weight.",
                    "Introduced Docker, Kubernetes and CI/CD for models; releases went from "
                    "quarterly to every two weeks.",
                ],
            },
            {
                "title": "Data Scientist",
                "org": "Adatum Motors (automotive supplier)",
                "location": "Toledo, OH",
                "dates": "2016 – 2017",
                "start": "2016-01",
                "end": "2017-12",
                "bullets": [
                    "Built statistical process control and root-cause models with scikit-learn "
                    "and R for weld quality on the body-in-white line.",
                    "Created the plant's first vibration-based bearing failure model with "
                    "TensorFlow, giving three weeks of warning on average.",
                ],
            },
        ],
        "education": [
            {
                "degree": "M.S.",
                "field": "Electrical and Computer Engineering",
                "institution": "Lakemont University",
                "year": 2015,
                "detail": "Machine learning and control systems",
            },
            {
                "degree": "B.S.",
                "field": "Mechanical Engineering",
                "institution": "Great Lakes Technical University",
                "year": 2013,
            },
        ],
        "skills": [
            {
                "area": "Architecture",
                "items": [
                    "enterprise AI strategy",
                    "edge-to-cloud design",
                    "event streaming",
                    "lakehouse",
                    "model governance",
                ],
            },
            {
                "area": "Machine learning",
                "items": [
                    "PyTorch",
                    "TensorFlow",
                    "scikit-learn",
                    "time-series forecasting",
                    "anomaly detection",
                    "computer vision",
                ],
            },
            {
                "area": "Industrial",
                "items": ["PLC", "SCADA", "OPC UA", "MQTT", "OSIsoft PI", "OEE", "Six Sigma"],
            },
            {
                "area": "Platforms",
                "items": [
                    "Azure ML",
                    "Azure IoT Hub",
                    "AWS SageMaker",
                    "Databricks",
                    "Spark",
                    "Kafka",
                    "Kubernetes",
                    "Terraform",
                    "MLflow",
                ],
            },
            {"area": "Languages", "items": ["Python", "SQL", "C++", "R"]},
        ],
        "projects": [
            {
                "name": "Plant-wide OEE copilot",
                "text": "Architecture for an LLM assistant that answers shift supervisors' "
                "questions from maintenance logs and OEE dashboards, using Azure OpenAI and a "
                "retrieval index over work orders.",
            },
            {
                "name": "Talk: Edge-to-cloud MLOps for fourteen plants",
                "text": "Smart Factory Conference, 2024.",
            },
            {
                "name": "Patent application",
                "text": "Method for unsupervised detection of stamping-die wear from press "
                "force curves (pending, 2023).",
            },
        ],
        "certifications": [
            {"name": "Microsoft Azure AI Engineer Associate", "year": 2022},
            {"name": "AWS Certified Machine Learning – Specialty", "year": 2019},
            {"name": "Microsoft Certified: Azure Solutions Architect Expert", "year": 2021},
        ],
        "extra": [
            (
                "Leadership and Community",
                [
                    "Founder of the Fabrikam AI academy: a 12-week programme that has trained "
                    "150 process and maintenance engineers in Python and machine learning.",
                    "Mentor in the Great Lakes Technical University industry programme (since "
                    "2019); capstone projects on predictive maintenance and vision inspection.",
                    "Member of the plant digitalisation steering committee; reviews AI "
                    "investments above $250,000 with finance and operations.",
                ],
            ),
            ("Languages", ["English (native), Swedish (fluent), German (conversational)"]),
        ],
    },
    {
        "file": "head_of_ai_technology_miriam_castellanos.docx",
        "layout": "docx-skills-table",
        "level": "head-of-ai",
        "industry": "technology",
        "note": "organisational AI strategy, budget, hiring; SaaS platform, developer tools, "
        "LLM APIs",
        "pages": 2,
        "name": "Miriam Castellanos",
        "headline": "Head of AI — SaaS Platforms and Developer Tools",
        "contact": {
            "email": "miriam.castellanos@example.com",
            "phone": "(415) 555-0137",
            "location": "San Francisco, CA",
            "linkedin": "linkedin.com/in/miriam-castellanos-example",
            "github": "github.com/mcastellanos-example",
        },
        "headings": {
            "summary": "Executive Summary",
            "experience": "Leadership Experience",
            "skills": "Areas of Expertise",
            "projects": "Board Roles & Talks",
        },
        "summary": (
            "AI leader with 15 years in software, the last nine leading machine learning "
            "organisations. As Head of AI at Proseware Cloud I set the organisational AI strategy "
            "for a B2B SaaS platform with 3 million users, own a $14M annual AI budget and grew "
            "the AI group from 8 to 45 people across applied ML, the LLM platform and ML "
            "infrastructure."
        ),
        "experience": [
            {
                "title": "Head of AI",
                "org": "Proseware Cloud (B2B SaaS platform)",
                "location": "San Francisco, CA",
                "dates": "Since 2021",
                "start": "2021-01",
                "end": "present",
                "bullets": [
                    "Defined and run the company-wide AI strategy and three-year roadmap with the "
                    "CEO and board; AI features now drive 22% of net new ARR.",
                    "Own a $14M annual budget (people, GPU compute, LLM API spend); cut inference "
                    "cost per request by 58% with model routing, caching and open-source LLMs "
                    "(Llama, Mistral) served on vLLM.",
                    "Grew the organisation from 8 to 45: hiring plans, interview loops, a career "
                    "ladder for AI engineers, managers and staff engineers; attrition under 6%.",
                    "Launched the internal LLM platform: an LLM API gateway, RAG services "
                    "(LlamaIndex, Pinecone), an evaluation harness and guardrails used by 30 "
                    "product teams.",
                    "Shipped an AI coding assistant and AI agents for workflow automation in the "
                    "developer tools product, built on LangGraph and the OpenAI and Anthropic "
                    "APIs.",
                    "Set up responsible-AI governance: model risk reviews, EU AI Act readiness, "
                    "red-teaming and SOC 2 controls for AI features.",
                ],
            },
            {
                "title": "Director of Machine Learning",
                "org": "Litware Software (developer tools)",
                "location": "Seattle, WA",
                "dates": "Mar 2017 – Dec 2020",
                "start": "2017-03",
                "end": "2020-12",
                "bullets": [
                    "Led four teams (22 people) building code search, anomaly detection for CI "
                    "pipelines and usage-based recommendations.",
                    "Moved model training from on-premises GPUs to GCP Vertex AI and Kubeflow; "
                    "experiment cycle time fell from two weeks to two days.",
                    "Ran the research-to-product programme (innovation leadership) that produced "
                    "six patents and three product launches.",
                    "Managed a $5M budget and vendor contracts for labelling and compute.",
                ],
            },
            {
                "title": "Senior Machine Learning Engineer",
                "org": "Litware Software",
                "location": "Seattle, WA",
                "dates": "Jun 2014 – Feb 2017",
                "start": "2014-06",
                "end": "2017-02",
                "bullets": [
                    "Built the first production ML service, a code-review reviewer recommender in "
                    "TensorFlow and scikit-learn, served over gRPC in Docker.",
                    "Designed Spark pipelines over 4 billion telemetry events a day on Hadoop and "
                    "Hive.",
                ],
            },
            {
                "title": "Software Engineer",
                "org": "Datum Systems",
                "location": "Redmond, WA",
                "dates": "Nov 2011 – May 2014",
                "start": "2011-11",
                "end": "2014-05",
                "bullets": [
                    "Wrote backend services in Java and Python for a SaaS analytics product and "
                    "built its first A/B testing framework.",
                ],
            },
        ],
        "education": [
            {
                "degree": "M.S.",
                "field": "Computer Science (Machine Learning)",
                "institution": "Westbrook University",
                "year": 2011,
            },
            {
                "degree": "B.S.",
                "field": "Computer Engineering",
                "institution": "Westbrook University",
                "year": 2009,
            },
        ],
        "skills": [
            {
                "area": "Leadership",
                "items": [
                    "Organisational AI strategy",
                    "budget management",
                    "hiring and org design",
                    "innovation leadership",
                    "board reporting",
                ],
            },
            {
                "area": "Generative AI",
                "items": [
                    "LLMs",
                    "RAG",
                    "AI agents",
                    "prompt engineering",
                    "fine-tuning",
                    "LangChain",
                    "LlamaIndex",
                    "Pinecone",
                    "vLLM",
                ],
            },
            {
                "area": "Machine learning",
                "items": ["PyTorch", "TensorFlow", "scikit-learn", "recommendation systems"],
            },
            {
                "area": "Platforms",
                "items": ["AWS", "GCP Vertex AI", "Azure ML", "Kubernetes", "Terraform", "Spark"],
            },
            {"area": "Languages", "items": ["Python", "Go", "Java", "SQL"]},
            {
                "area": "Governance",
                "items": ["Responsible AI", "EU AI Act", "SOC 2", "model risk management"],
            },
        ],
        "projects": [
            {
                "name": "Advisory board member",
                "text": "Westbrook University AI curriculum advisory board (since 2022).",
            },
            {
                "name": "Keynote: Building an AI organisation from 8 to 45",
                "text": "SaaS Leadership Summit, 2025.",
            },
        ],
        "certifications": [
            {"name": "Google Professional Machine Learning Engineer", "year": 2021},
        ],
    },
    {
        "file": "mle_healthcare_daniel_osei.txt",
        "layout": "plain-text",
        "level": "machine-learning-engineer",
        "industry": "healthcare",
        "note": "data scientist pivoting to ML engineering; Canadian phone number",
        "name": "Daniel Osei",
        "headline": "Data Scientist, moving into Machine Learning Engineering",
        "contact": {
            "email": "daniel.osei@example.com",
            "phone": "+1 (416) 555-0163",
            "location": "Toronto, ON",
            "linkedin": "linkedin.com/in/daniel-osei-example",
            "github": "github.com/dosei-example",
        },
        "headings": {
            "summary": "Summary",
            "experience": "Employment History",
            "skills": "Technical Skills",
            "projects": "Side Projects",
        },
        "summary": (
            "Data scientist with 3 years of experience in healthcare analytics, now moving into "
            "machine learning engineering. I have built readmission and length-of-stay models on "
            "EHR data and taken them from notebooks to tested, containerised batch pipelines on "
            "Azure ML. Looking for an ML engineer role where I can own models in production."
        ),
        "experience": [
            {
                "title": "Data Scientist",
                "org": "Kestrel Clinical Analytics",
                "location": "Toronto, ON",
                "dates": "Since 2024",
                "start": "2024-01",
                "end": "present",
                "bullets": [
                    "Built a 30-day hospital readmission risk model (XGBoost, scikit-learn) on EHR "
                    "data from six hospitals; AUC 0.78; used daily by care coordinators.",
                    "Took the model from notebooks to production: a Python package with pytest "
                    "tests, a Docker image, batch scoring in Azure ML pipelines and MLflow "
                    "tracking.",
                    "Wrote SQL on Azure Synapse and dbt models for patient cohort features; "
                    "applied PHIPA and HIPAA de-identification rules to all extracts.",
                    "Prototyped triage-note classification with Hugging Face Transformers "
                    "(DistilBERT) for the emergency department.",
                    "Forecast emergency-department length of stay with Prophet and published the "
                    "results in Power BI.",
                ],
            },
            {
                "title": "Clinical Data Analyst (contract)",
                "org": "Northwind Health",
                "location": "Toronto, ON",
                "dates": "Jul 2023 – Dec 2023",
                "start": "2023-07",
                "end": "2023-12",
                "bullets": [
                    "Cleaned and validated claims and lab data with pandas and SQL; built "
                    "statistical reports in R for the quality-improvement office.",
                ],
            },
        ],
        "education": [
            {
                "degree": "M.Sc.",
                "field": "Biostatistics",
                "institution": "University of Ashgrove",
                "year": 2023,
            },
            {
                "degree": "B.Sc.",
                "field": "Health Sciences",
                "institution": "University of Ashgrove",
                "year": 2021,
            },
        ],
        "skills": [
            {"area": "Languages", "items": ["Python", "R", "SQL"]},
            {
                "area": "Modelling",
                "items": [
                    "scikit-learn",
                    "XGBoost",
                    "statsmodels",
                    "survival analysis",
                    "PyTorch (learning)",
                ],
            },
            {"area": "Data", "items": ["pandas", "dbt", "Azure Synapse", "Power BI"]},
            {"area": "Engineering", "items": ["Docker", "Azure ML", "MLflow", "Git", "pytest"]},
        ],
        "projects": [
            {
                "name": "Chest X-ray pneumonia classifier",
                "text": "PyTorch CNN on a public data set, served with FastAPI in Docker.",
            },
            {
                "name": "Sepsis early-warning challenge",
                "text": "Kaggle-style competition, top 8% with gradient boosting on vitals.",
            },
        ],
        "certifications": [
            {"name": "Microsoft Certified: Azure Data Scientist Associate", "year": 2025}
        ],
    },
    {
        "file": "genai_technology_rafael_mendes.md",
        "layout": "markdown",
        "level": "machine-learning-engineer",
        "industry": "technology",
        "note": "GenAI: LLM applications, RAG, AI agents, fine-tuning, evaluation",
        "name": "Rafael Mendes",
        "headline": "AI Engineer — LLM Applications, RAG and Agents",
        "contact": {
            "email": "rafael.mendes@example.com",
            "phone": "(512) 555-0129",
            "location": "Austin, TX",
            "linkedin": "linkedin.com/in/rafael-mendes-example",
            "github": "github.com/rmendes-example",
        },
        "headings": {
            "summary": "About",
            "experience": "Experience",
            "skills": "Skills",
            "projects": "Open Source",
        },
        "summary": (
            "AI engineer with 4 years of experience shipping machine learning and LLM features in "
            "B2B SaaS. I build retrieval-augmented generation (RAG) systems, AI agents with tool "
            "calling, and the evaluation and observability that keep them honest in production."
        ),
        "experience": [
            {
                "title": "AI Engineer, LLM Applications",
                "org": "Relecloud (customer-support SaaS)",
                "location": "Austin, TX",
                "dates": "Feb 2024 – Present",
                "start": "2024-02",
                "end": "present",
                "bullets": [
                    "Built the RAG support copilot over 1.8M help-centre articles and tickets: "
                    "LlamaIndex ingestion, hybrid BM25 and embedding retrieval in Pinecone, "
                    "re-ranking, and GPT-4o and Claude through LLM APIs; it resolves 31% of "
                    "tickets without an agent.",
                    "Designed multi-step AI agents with LangGraph and tool calling (order lookup, "
                    "refunds, CRM updates) with human-in-the-loop approval.",
                    "Created the LLM evaluation harness (RAGAS, LLM-as-judge, a golden set of "
                    "2,000 queries) that runs in CI on every prompt or model change.",
                    "Fine-tuned Llama 3 8B with LoRA (Hugging Face PEFT and TRL) for ticket "
                    "routing and served it on vLLM in Kubernetes at a sixth of the API cost.",
                    "Own prompt engineering, guardrails (PII redaction, jailbreak filters) and "
                    "cost and latency tracing with OpenTelemetry and Langfuse.",
                ],
            },
            {
                "title": "Software Engineer, ML Platform",
                "org": "Litware Software (developer tools)",
                "location": "Austin, TX",
                "dates": "Nov 2022 – Feb 2024",
                "start": "2022-11",
                "end": "2024-02",
                "bullets": [
                    "Built FastAPI microservices for semantic code search with "
                    "sentence-transformers embeddings and FAISS.",
                    "Maintained PyTorch training pipelines in Airflow and the MLflow model "
                    "registry; infrastructure in Docker and Terraform on AWS.",
                ],
            },
        ],
        "education": [
            {
                "degree": "B.S.",
                "field": "Computer Science",
                "institution": "Westbrook University",
                "year": 2022,
            }
        ],
        "skills": [
            {
                "area": "GenAI",
                "items": [
                    "LLMs",
                    "RAG",
                    "AI agents",
                    "LangChain",
                    "LangGraph",
                    "LlamaIndex",
                    "prompt engineering",
                    "LoRA fine-tuning",
                ],
            },
            {"area": "Vector search", "items": ["Pinecone", "FAISS", "pgvector", "BM25"]},
            {
                "area": "ML",
                "items": ["PyTorch", "Hugging Face Transformers", "scikit-learn", "vLLM"],
            },
            {
                "area": "Engineering",
                "items": ["Python", "TypeScript", "FastAPI", "Docker", "Kubernetes", "Terraform"],
            },
            {"area": "Cloud", "items": ["AWS", "Azure OpenAI"]},
        ],
        "projects": [
            {
                "name": "ragcheck",
                "text": "Small open-source RAG evaluation toolkit (retrieval recall, "
                "faithfulness, answer relevance); github.com/rmendes-example/ragcheck.",
            },
            {
                "name": "agent-sandbox",
                "text": "Docker sandbox for running tool-calling agents against fake APIs in "
                "tests.",
            },
        ],
        "certifications": [{"name": "Microsoft Azure AI Engineer Associate", "year": 2025}],
    },
    {
        "file": "no_fit_chef_giulia_ferraro.pdf",
        "layout": "single-column",
        "level": None,
        "industry": None,
        "note": "no AI fit: executive sous chef",
        "pages": 1,
        "name": "Giulia Ferraro",
        "headline": "Executive Sous Chef",
        "contact": {
            "email": "giulia.ferraro@example.com",
            "phone": "(503) 555-0181",
            "location": "Portland, OR",
            "linkedin": "linkedin.com/in/giulia-ferraro-example",
        },
        "headings": {
            "summary": "Profile",
            "experience": "Kitchen Experience",
            "skills": "Culinary Skills",
            "projects": "Events & Pop-ups",
            "certifications": "Certifications",
        },
        "summary": (
            "Executive sous chef with 12 years in busy brasseries and hotel kitchens. I run "
            "service for 280 covers a night, write seasonal menus with local growers, and train "
            "cooks who go on to run their own sections."
        ),
        "experience": [
            {
                "title": "Executive Sous Chef",
                "org": "The Copper Kettle Brasserie",
                "location": "Portland, OR",
                "dates": "2021 – Present",
                "start": "2021-01",
                "end": "present",
                "bullets": [
                    "Lead a brigade of 18 cooks across lunch and dinner service, up to 280 covers "
                    "a night.",
                    "Write four seasonal menus a year with local farms and fishers; food cost held "
                    "at 28%.",
                    "Handle ordering, stock rotation and supplier relationships; cut food waste "
                    "by 15% with whole-animal butchery and a preserving programme.",
                    "Own the HACCP plan; health inspection scores of 100 three years running.",
                ],
            },
            {
                "title": "Chef de Partie",
                "org": "Hotel Marisol",
                "location": "Seattle, WA",
                "dates": "2017 – 2020",
                "start": "2017-01",
                "end": "2020-12",
                "bullets": [
                    "Ran the sauce and fish sections for a 140-seat restaurant and banquets of up "
                    "to 400 guests.",
                    "Trained commis chefs on knife skills, stocks and mother sauces.",
                ],
            },
            {
                "title": "Line Cook",
                "org": "Trattoria Sette",
                "location": "San Francisco, CA",
                "dates": "2014 – 2016",
                "start": "2014-01",
                "end": "2016-12",
                "bullets": ["Fresh pasta, grill and wood-fired oven stations."],
            },
        ],
        "education": [
            {
                "degree": "A.A.S.",
                "field": "Culinary Arts",
                "institution": "Cascadia Culinary Institute",
                "year": 2014,
            }
        ],
        "skills": [
            {
                "area": "Cooking",
                "items": [
                    "French and Italian technique",
                    "fresh pasta",
                    "butchery",
                    "fish",
                    "sauces",
                    "pastry basics",
                ],
            },
            {
                "area": "Kitchen management",
                "items": [
                    "menu development",
                    "food costing",
                    "ordering",
                    "rota planning",
                    "supplier negotiation",
                ],
            },
            {"area": "Food safety", "items": ["HACCP", "allergen management", "ServSafe"]},
            {"area": "Languages", "items": ["English", "Italian"]},
        ],
        "projects": [
            {
                "name": "Fire & Salt supper club",
                "text": "Monthly 40-seat pop-up dinners cooked over open fire (2019 – 2023).",
            }
        ],
        "certifications": [
            {"name": "ServSafe Food Protection Manager", "year": 2024},
            {"name": "Certified Sous Chef (American Culinary Federation)", "year": 2019},
        ],
    },
    {
        "file": "no_fit_teacher_hannah_whitfield.docx",
        "layout": "docx",
        "level": None,
        "industry": None,
        "note": "no AI fit: primary-school teacher; UK phone number",
        "name": "Hannah Whitfield",
        "headline": "Primary School Teacher (QTS) — Year 4 Class Teacher and Maths Lead",
        "contact": {
            "email": "hannah.whitfield@example.com",
            "phone": "07700 900862",
            "location": "Leeds, UK",
            "linkedin": "linkedin.com/in/hannah-whitfield-example",
        },
        "headings": {
            "summary": "Personal Statement",
            "experience": "Teaching Experience",
            "skills": "Key Skills",
            "projects": "Wider School Life",
            "certifications": "Training",
        },
        "summary": (
            "Primary school teacher with nine years in the classroom, including five as a Year 4 "
            "class teacher and maths subject lead. I plan lively, well-sequenced lessons, know "
            "every child's next step, and work closely with families, teaching assistants and the "
            "SENCo so that every pupil can take part."
        ),
        "experience": [
            {
                "title": "Year 4 Class Teacher and Maths Subject Lead",
                "org": "Oakfield Primary School",
                "location": "Leeds",
                "dates": "Sep 2021 – Present",
                "start": "2021-09",
                "end": "present",
                "bullets": [
                    "Teach a class of 30 across the full curriculum, with guided reading, "
                    "mastery maths and weekly outdoor learning.",
                    "Lead maths across the school: scheme of work, staff training on "
                    "manipulatives and bar modelling, and lesson visits.",
                    "Prepared the class for the multiplication tables check; 92% scored 20 or "
                    "more out of 25.",
                    "Plan provision with the SENCo for pupils with EHCPs and for pupils learning "
                    "English as an additional language.",
                    "Run the school choir and the Year 4 residential trip.",
                ],
            },
            {
                "title": "Year 2 Class Teacher",
                "org": "Brookside Primary School",
                "location": "Sheffield",
                "dates": "Sep 2018 – Jul 2021",
                "start": "2018-09",
                "end": "2021-07",
                "bullets": [
                    "Taught phonics with Read Write Inc. and prepared pupils for Key Stage 1 "
                    "assessments.",
                    "Moved teaching online during school closures and kept daily contact with "
                    "families.",
                ],
            },
            {
                "title": "Teaching Assistant",
                "org": "Meadowbank Infant School",
                "location": "Sheffield",
                "dates": "Sep 2016 – Jul 2017",
                "start": "2016-09",
                "end": "2017-07",
                "bullets": ["Supported small reading and number groups in Reception and Year 1."],
            },
        ],
        "education": [
            {
                "degree": "PGCE",
                "field": "Primary Education (5–11) with QTS",
                "institution": "University of Ashgrove",
                "year": 2018,
            },
            {
                "degree": "BA (Hons)",
                "field": "English Literature",
                "institution": "Northfield College",
                "year": 2016,
            },
        ],
        "skills": [
            {
                "area": "Teaching",
                "items": [
                    "curriculum planning",
                    "phonics",
                    "mastery maths",
                    "differentiation",
                    "assessment for learning",
                ],
            },
            {
                "area": "Pastoral",
                "items": [
                    "behaviour management",
                    "safeguarding",
                    "SEND support",
                    "parent partnerships",
                ],
            },
            {"area": "Other", "items": ["choir and music", "outdoor learning", "first aid"]},
        ],
        "projects": [
            {
                "name": "School choir",
                "text": "Leader since 2021; sang at the city schools' festival in 2024.",
            },
            {"name": "Eco-council", "text": "Set up the pupil eco-council and the school garden."},
        ],
        "certifications": [
            {"name": "Designated Safeguarding Lead training", "year": 2024},
            {"name": "Paediatric First Aid", "year": 2025},
        ],
    },
    {
        "file": "mle_technology_nora_keller.pdf",
        "layout": "awesome-cv",
        "level": "machine-learning-engineer",
        "industry": "technology",
        "note": "recommendations and search for a video platform and a developer platform; a "
        "promotion at one employer",
        "pages": 2,
        "name": "Nora Keller",
        "headline": "Machine Learning Engineer · Recommendations, Search & MLOps",
        "contact": {
            "email": "nora.keller@example.com",
            "phone": "(206) 555-0174",
            "location": "Seattle, WA",
            "github": "github.com/nkeller-example",
        },
        "headings": {
            "summary": "Summary",
            "experience": "Experience",
            "skills": "Skills",
            "projects": "Projects",
            "certifications": "Certificates",
        },
        "summary": (
            "Machine learning engineer with five years of experience building recommendation and "
            "search systems for consumer and developer products. I take models from offline "
            "experiments to low-latency services on Kubernetes, and look after the evaluation, "
            "monitoring and data pipelines that keep them healthy."
        ),
        "experience": [
            {
                "title": "Machine Learning Engineer II",
                "org": "Trey Research (developer platform)",
                "location": "Seattle, WA",
                "dates": "2025.02–pres.",
                "start": "2025-02",
                "end": "present",
                "bullets": [
                    "Lead the candidate-generation stage of the developer-content recommender: a "
                    "two-tower retrieval model in PyTorch over 30M items, served from a FAISS "
                    "index behind gRPC; click-through up 7%.",
                    "Moved batch training for the ranking models to Kubeflow Pipelines on GKE, "
                    "with distributed hyperparameter tuning on Ray; a full retrain takes 3 hours "
                    "instead of 14.",
                    "Own the real-time feature pipeline (Kafka, Flink, Redis) and its online and "
                    "offline parity tests, and mentor two junior engineers.",
                ],
            },
            {
                "title": "Machine Learning Engineer",
                "org": "Trey Research (developer platform)",
                "location": "Seattle, WA",
                "dates": "Jul. 2023 \u00ad Jan. 2025",
                "start": "2023-07",
                "end": "2025-01",
                "bullets": [
                    "Shipped a learning-to-rank model (LightGBM LambdaMART) for code search, with "
                    "offline NDCG evaluation and A/B tests across 4M weekly users.",
                    "Fine-tuned sentence-transformers embeddings on query logs for semantic "
                    "search; zero-result queries fell by a third.",
                    "Set up MLflow experiment tracking, the model registry and drift monitoring "
                    "with Evidently for the search and recommendation models.",
                ],
            },
            {
                "title": "Software Engineer, Recommendations",
                "org": "Southridge Video (streaming service)",
                "location": "Portland, OR",
                "dates": "Sep. 2021 \u00ad Jun. 2023",
                "start": "2021-09",
                "end": "2023-06",
                "bullets": [
                    "Wrote Spark and Airflow pipelines for the viewing-history features of the "
                    "home-page recommender (matrix factorisation, later a PyTorch sequence model).",
                    "Built the FastAPI service that serves personalised rows from Docker on AWS "
                    "EKS at a p99 latency under 40 ms.",
                    "Analysed A/B tests in SQL on BigQuery and wrote the experiment guidelines "
                    "the team still uses.",
                ],
            },
        ],
        "education": [
            {
                "degree": "M.S.",
                "field": "Computer Science",
                "institution": "Bellows College",
                "location": "Seattle, WA",
                "dates": "Sep. 2019 \u00ad Jun. 2021",
                "year": 2021,
                "detail": "Thesis: session-based recommendation with graph neural networks",
            },
            {
                "degree": "B.S.",
                "field": "Computer Science",
                "institution": "Cascade State University",
                "location": "Spokane, WA",
                "dates": "Sep. 2015 \u00ad May 2019",
                "year": 2019,
                "detail": "Dean's List, Fall 2016 – Spring 2017",
            },
        ],
        "skills": [
            {"area": "Languages", "items": ["Python", "SQL", "C", "C++", "R (basic)", "Go"]},
            {
                "area": "Machine Learning",
                "items": [
                    "PyTorch",
                    "TensorFlow",
                    "scikit-learn",
                    "LightGBM",
                    "Hugging Face Transformers",
                ],
            },
            {
                "area": "Search & RecSys",
                "items": ["FAISS", "Elasticsearch", "learning to rank", "recommendation systems"],
            },
            {
                "area": "MLOps",
                "items": ["Kubeflow", "MLflow", "Ray", "Airflow", "Docker", "Kubernetes"],
            },
            {"area": "Cloud", "items": ["GCP (Vertex AI, GKE, BigQuery)", "AWS (EKS, S3)"]},
        ],
        "projects": [
            {
                "name": "recsys-eval",
                "text": "Open-source offline evaluation toolkit for recommender systems (recall@k, "
                "NDCG, coverage); github.com/nkeller-example/recsys-eval.",
            },
        ],
        "certifications": [{"name": "AWS Certified Machine Learning – Specialty", "year": 2024}],
        "activities": [
            {
                "name": "Leadership Certificate Program, Cascade State University",
                "dates": "Sept 2017 - May 2018",
                "text": "Twelve workshops on facilitation and project leadership; led a "
                "student team that ran the campus hackathon for 300 participants.",
            },
        ],
    },
    {
        "file": "no_fit_business_analyst_priya_nair.docx",
        "layout": "portal-docx",
        "level": None,
        "industry": None,
        "note": "no AI fit: business analyst in local government and consulting; job-portal "
        "profile export; UK phone number",
        "name": "Priya Nair",
        "headline": "Senior Business Analyst – requirements, process mapping and UAT for public "
        "services",
        "contact": {
            "email": "priya.nair@example.com",
            "phone": "+44 7700 900456",
            "location": "London, United Kingdom",
        },
        "portal": {
            "badge": "Featured Resume",
            "fields": [
                ("Current Designation", "Senior Business Analyst"),
                ("Current Company", "Contoso City Council"),
                ("Current Location", "London, United Kingdom"),
                ("Preferred Location", "London, Pune, Bengaluru"),
                ("Functional Area", "Business Analysis"),
                ("Role", "Business Analyst"),
                ("Industry", "Government / Public Administration"),
                ("Total Experience", "6 Year(s) 4 Month(s)"),
                ("Highest Degree", "MBA/PGDM"),
                ("Notice Period", "2 Months"),
            ],
            "contact_lines": [
                ("Mobile", "+91 98XXX XXX21 Verified"),
                ("E-Mail", "priya.nair@example.com Verified"),
                ("Alternate Phone", "+44 7700 900456"),
            ],
            "it_skills": [
                ("MS Excel", "365", "2026", "6 Year(s)"),
                ("SQL", "", "2026", "4 Year(s)"),
                ("JIRA", "Cloud", "2026", "5 Year(s)"),
                ("Microsoft Visio", "2019", "2025", "3 Year(s)"),
            ],
            "affiliations": [
                "Member, Lakeside Speakers Club (public speaking), Mar 2021 to Feb 2024"
            ],
            "personal": [
                ("Languages Known", "English, Malayalam, Hindi"),
                ("Desired Job Type", "Permanent, Full Time"),
            ],
        },
        "headings": {
            "summary": "Profile Summary",
            "experience": "Work Experience",
            "skills": "Key Skills",
            "certifications": "Certifications",
        },
        "summary": (
            "Business analyst with six years of experience serving clients in banking, accounting "
            "and consulting. I turn stakeholder needs into clear requirements, map processes, "
            "and run user acceptance testing so that releases land without surprises."
        ),
        "objective": "Seeking a lead analyst role starting Spring 2027 in public-sector change "
        "programmes.",
        "experience": [
            {
                "title": "Senior Business Analyst",
                "org": "Contoso City Council",
                "location": "London",
                "dates": "Jan 2023 to Till Date",
                "start": "2023-01",
                "end": "present",
                "bullets": [
                    "Gather and document requirements (BRD, FRD, user stories) for the housing "
                    "repairs and planning applications services with service managers and the "
                    "digital team.",
                    "Map as-is and to-be processes in Visio and BPMN; removed four manual "
                    "hand-offs from the resident sign-up journey.",
                    "Plan and run UAT with 25 business testers; defects found after release down "
                    "by 40%.",
                ],
            },
            {
                "title": "Business Analyst",
                "org": "Fabrikam Consulting Services",
                "location": "Bengaluru",
                "dates": "Jun 2020 to Dec 2022",
                "start": "2020-06",
                "end": "2022-12",
                "bullets": [
                    "Analysed the accounts-payable process for two accounting-firm clients and "
                    "wrote the requirements for their invoice workflow system.",
                    "Prepared MIS reports in MS Excel and SQL for the delivery leads and kept the "
                    "JIRA backlog groomed for a team of eight developers.",
                ],
            },
        ],
        "education": [
            {
                "degree": "MBA/PGDM",
                "field": "Finance",
                "institution": "Westbrook School of Business, Pune",
                "year": 2020,
            },
            {
                "degree": "B.Com",
                "field": "Accounting and Finance",
                "institution": "Kaveri College of Commerce, Bengaluru",
                "year": 2018,
            },
        ],
        "skills": [
            {
                "area": "Key Skills",
                "items": [
                    "Requirement Gathering",
                    "BRD",
                    "FRD",
                    "User Stories",
                    "Process Mapping",
                    "UAT",
                    "Stakeholder Management",
                    "Agile",
                    "JIRA",
                    "Confluence",
                    "MS Excel",
                ],
            }
        ],
        "projects": [],
        "certifications": [
            {"name": "IIBA Entry Certificate in Business Analysis (ECBA)", "year": 2021},
            {"name": "Professional Scrum Product Owner I", "year": 2023},
        ],
    },
]

# --------------------------------------------------------------------------------------------
# Job postings.  Keys: file, company, title, location, level, industry, min_years, about,
# responsibilities[], required_heading, required[], preferred_heading, preferred[], offer[].
# --------------------------------------------------------------------------------------------

JOBS: list[dict[str, Any]] = [
    {
        "file": "senior_ml_engineer_healthcare.md",
        "company": "Northwind Health",
        "title": "Senior Machine Learning Engineer, Clinical AI",
        "location": "Boston, MA (hybrid)",
        "level": "senior-ai-engineer",
        "industry": "healthcare",
        "min_years": 5,
        "about": (
            "Northwind Health runs a clinical AI platform used by 40 hospitals. Our models read "
            "clinical notes and radiology images to help clinicians find what matters sooner. "
            "We are hiring a senior engineer to lead the next generation of our clinical NLP "
            "services."
        ),
        "responsibilities": [
            "Design and own ML systems that process EHR data (FHIR, HL7) and clinical notes at "
            "scale.",
            "Lead a small team: code and design reviews, mentoring, technical direction.",
            "Make architecture decisions for model serving, monitoring and retraining.",
            "Work with clinicians, compliance and product to validate models safely.",
        ],
        "required_heading": "Requirements",
        "required": [
            "5+ years of experience building and deploying machine learning systems, at least 2 "
            "in healthcare or another regulated industry.",
            "Expert Python; PyTorch or TensorFlow; scikit-learn.",
            "Clinical NLP (Hugging Face Transformers, spaCy) or medical imaging (DICOM).",
            "MLOps in production: Docker, Kubernetes, MLflow, CI/CD, model monitoring.",
            "AWS (SageMaker, EKS, S3) and SQL.",
            "Working knowledge of HIPAA and PHI de-identification.",
        ],
        "preferred_heading": "Nice to have",
        "preferred": [
            "LLMs and retrieval-augmented generation (RAG) with LangChain or LlamaIndex.",
            "Experience with FDA software-as-a-medical-device submissions.",
            "Google Professional Machine Learning Engineer or AWS Certified Machine Learning – "
            "Specialty.",
        ],
        "offer": ["Salary $185,000–$235,000 plus bonus", "Hybrid, two days a week in Boston"],
    },
    {
        "file": "junior_data_ai_engineer_retail.txt",
        "company": "Tailwind Traders",
        "title": "Junior Data / AI Engineer",
        "location": "Chicago, IL",
        "level": "entry-level-ai-engineer",
        "industry": "retail-ecommerce",
        "min_years": 0,
        "max_years": 2,
        "about": (
            "Tailwind Traders is an online home-goods retailer. Our data and AI team builds the "
            "recommendation systems, e-commerce search and inventory forecasting behind the "
            "shop. This junior role is a great first job for a new graduate."
        ),
        "responsibilities": [
            "Prepare and clean order, product and clickstream data.",
            "Test models and write evaluation reports.",
            "Implement basic machine learning models with guidance from senior engineers.",
            "Maintain data pipelines and dashboards.",
        ],
        "required_heading": "Must have",
        "required": [
            "0–2 years of experience (internships count); new graduates welcome.",
            "Python with pandas and scikit-learn.",
            "SQL.",
            "Basics of machine learning: supervised learning, model evaluation, feature "
            "engineering.",
            "Git.",
        ],
        "preferred_heading": "Bonus",
        "preferred": [
            "Recommendation systems or market basket analysis.",
            "Demand or inventory forecasting.",
            "Airflow, Docker, AWS.",
            "An internship in retail or e-commerce.",
        ],
        "offer": ["Salary $90,000–$110,000", "Learning budget and mentoring"],
    },
    {
        "file": "ai_architect_manufacturing.pdf",
        "company": "Coho Precision Manufacturing",
        "title": "Principal AI Architect — Smart Factory",
        "location": "Detroit, MI",
        "level": "ai-architect",
        "industry": "manufacturing",
        "min_years": 10,
        "about": (
            "Coho Precision Manufacturing makes machined and stamped parts in 9 plants. We are "
            "building a company-wide industrial AI platform and need a principal architect to "
            "own its design and the enterprise AI strategy behind it."
        ),
        "responsibilities": [
            "Define the enterprise AI strategy and reference architecture for all plants.",
            "Design large-scale edge-to-cloud systems for predictive maintenance and quality "
            "control.",
            "Provide technical leadership to engineering teams and plant IT/OT.",
            "Set MLOps, security and model-governance standards.",
        ],
        "required_heading": "Requirements",
        "required": [
            "10+ years of experience, including 3+ years architecting enterprise ML systems.",
            "Predictive maintenance and computer vision for quality control in production.",
            "Industrial data: PLC, SCADA, OPC UA, MQTT, historians.",
            "Azure or AWS at scale; Kubernetes; Terraform; Spark or Databricks.",
            "Python; PyTorch or TensorFlow.",
            "Proven technical leadership across several teams.",
        ],
        "preferred_heading": "Nice to have",
        "preferred": [
            "Microsoft Azure AI Engineer Associate certification.",
            "Edge AI on NVIDIA Jetson.",
            "OEE improvement programmes; Lean or Six Sigma.",
            "OT security (IEC 62443).",
        ],
        "offer": ["Salary $240,000–$320,000", "Relocation support"],
    },
    {
        "file": "llm_rag_engineer_saas.md",
        "company": "Brightlane Software",
        "title": "LLM / RAG Engineer",
        "location": "Remote (US)",
        "level": "machine-learning-engineer",
        "industry": "technology",
        "min_years": 3,
        "about": (
            "Brightlane is a SaaS platform for project teams. We are adding an AI assistant that "
            "answers questions over each customer's documents and tickets, and agents that "
            "automate routine work. Mid-level or senior engineers welcome."
        ),
        "responsibilities": [
            "Build retrieval-augmented generation pipelines over customer data.",
            "Develop AI agents with tool calling and safe fallbacks.",
            "Own evaluation, monitoring and cost of LLM features.",
        ],
        "required_heading": "Requirements",
        "required": [
            "3+ years of software or machine learning engineering, 1+ year with LLM applications.",
            "Python and FastAPI.",
            "RAG with LangChain or LlamaIndex; vector databases (Pinecone, FAISS or pgvector).",
            "Prompt engineering and LLM evaluation.",
            "Docker and Kubernetes on AWS or GCP.",
        ],
        "preferred_heading": "Bonus",
        "preferred": [
            "AI agents and orchestration frameworks (LangGraph).",
            "Fine-tuning open-source LLMs with Hugging Face Transformers and LoRA.",
            "Open-source contributions.",
        ],
        "offer": ["Salary $150,000–$190,000", "Fully remote"],
    },
    {
        "file": "head_of_ai_finance.txt",
        "company": "Contoso Bank",
        "title": "Head of AI",
        "location": "London, UK",
        "level": "head-of-ai",
        "industry": "finance",
        "min_years": 12,
        "about": (
            "Contoso Bank serves 4 million retail and business customers. The Head of AI leads "
            "our 60-person AI and data science group and reports to the Chief Data Officer."
        ),
        "responsibilities": [
            "Own the organisational AI strategy and the roadmap for fraud detection, credit risk, "
            "AML and customer service.",
            "Manage the AI budget and vendor relationships.",
            "Hire and develop leaders; build a culture of innovation and responsible AI.",
            "Represent AI to the executive committee and regulators.",
        ],
        "required_heading": "Must have",
        "required": [
            "12+ years in machine learning or data science, 5+ years leading teams of teams.",
            "A track record of setting AI strategy and managing budgets above £5M.",
            "Model risk management and AI governance in a regulated industry.",
            "Deep knowledge of fraud detection, credit risk or AML models.",
            "Hands-on background in Python and cloud ML platforms.",
        ],
        "preferred_heading": "Nice to have",
        "preferred": [
            "Generative AI in customer service (LLMs, RAG).",
            "EU AI Act and PRA model risk expectations.",
            "A PhD in a quantitative field.",
        ],
        "offer": ["Salary £180,000–£230,000 plus bonus", "Hybrid, three days in the office"],
    },
]

# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

DEFAULT_HEADINGS = {
    "summary": "Summary",
    "experience": "Experience",
    "education": "Education",
    "skills": "Skills",
    "projects": "Projects",
    "certifications": "Certifications",
}


def heading(p: dict[str, Any], key: str) -> str:
    return p.get("headings", {}).get(key, DEFAULT_HEADINGS[key])


def contact_items(p: dict[str, Any]) -> list[str]:
    c = p["contact"]
    keys = ("email", "phone", "location", "linkedin", "github")
    return [c[k] for k in keys if c.get(k)]


def education_line(e: dict[str, Any]) -> str:
    return f"{e['degree']} {e['field']}, {e['institution']}, {e['year']}"


def cert_line(c: dict[str, Any]) -> str:
    return f"{c['name']} ({c['year']})"


def month_index(ym: str) -> int:
    if ym == "present":
        ym = AS_OF
    year, month = ym.split("-")
    return int(year) * 12 + int(month) - 1


def total_years(p: dict[str, Any]) -> float:
    """Years covered by the positions, overlaps merged, months counted end-exclusive."""
    spans = sorted((month_index(x["start"]), month_index(x["end"])) for x in p["experience"])
    months, cur_start, cur_end = 0, None, None
    for start, end in spans:
        if cur_end is None or start > cur_end:
            if cur_end is not None and cur_start is not None:
                months += cur_end - cur_start
            cur_start, cur_end = start, end
        else:
            cur_end = max(cur_end, end)
    if cur_end is not None and cur_start is not None:
        months += cur_end - cur_start
    return round(months / 12, 1)


def esc(text: str) -> str:
    return escape(text)


def para_pdf_meta(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": f"{p['name']} – Resume",
        "author": p["name"],
        "subject": "Resume",
        "creator": CREATOR,
        "invariant": 1,
    }


class NumberedCanvas(canvas.Canvas):
    """Canvas that defers pages so each footer can say "Page N of M"."""

    footer_font = ("Helvetica", 8)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab's name
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self.setFont(*self.footer_font)
            self.setFillColor(colors.HexColor("#555555"))
            width = self._pagesize[0]
            self.drawCentredString(width / 2, 0.45 * inch, f"Page {self._pageNumber} of {total}")
            super().showPage()
        super().save()


# --------------------------------------------------------------------------------------------
# PDF: single column (platypus)
# --------------------------------------------------------------------------------------------


def _styles(base: str, accent: str, size: float = 10) -> dict[str, ParagraphStyle]:
    bold = base + "-Bold"
    italic = base + "-Oblique"
    acc = colors.HexColor(accent)
    return {
        "name": ParagraphStyle("name", fontName=bold, fontSize=22, leading=26, textColor=acc),
        "headline": ParagraphStyle("headline", fontName=base, fontSize=11.5, leading=15),
        "contact": ParagraphStyle(
            "contact",
            fontName=base,
            fontSize=8.5,
            leading=11.5,
            textColor=colors.HexColor("#333333"),
        ),
        "h": ParagraphStyle(
            "h",
            fontName=bold,
            fontSize=11.5,
            leading=14,
            textColor=acc,
            spaceBefore=8,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "body": ParagraphStyle("body", fontName=base, fontSize=size, leading=size * 1.3),
        "job": ParagraphStyle(
            "job", fontName=base, fontSize=size, leading=size * 1.3, spaceBefore=5
        ),
        "dates": ParagraphStyle(
            "dates",
            fontName=base,
            fontSize=size,
            leading=size * 1.3,
            alignment=TA_RIGHT,
            spaceBefore=5,
        ),
        "org": ParagraphStyle(
            "org",
            fontName=italic,
            fontSize=size,
            leading=size * 1.3,
            textColor=colors.HexColor("#444444"),
        ),
        "bullet": ParagraphStyle(
            "bullet",
            fontName=base,
            fontSize=size,
            leading=size * 1.3,
            leftIndent=14,
            bulletIndent=4,
            spaceBefore=1,
            bulletFontName=BULLET_FONT,
        ),
        "small": ParagraphStyle("small", fontName=base, fontSize=size - 1, leading=size * 1.2),
    }


def _section(title: str, st: dict[str, ParagraphStyle], accent: str) -> list[Any]:
    rule = HRFlowable(width="100%", thickness=0.7, color=colors.HexColor(accent), spaceAfter=4)
    rule.keepWithNext = 1  # never leave a heading alone at the bottom of a page
    return [Paragraph(esc(title.upper()), st["h"]), rule]


def _job_block(x: dict[str, Any], st: dict[str, ParagraphStyle], width: float) -> list[Any]:
    title = Paragraph(f"<b>{esc(x['title'])}</b>", st["job"])
    dates = Paragraph(esc(x["dates"]), st["dates"])
    org = Paragraph(f"{esc(x['org'])}, {esc(x['location'])}", st["org"])
    row = Table([[title, dates], [org, ""]], colWidths=[width - 1.45 * inch, 1.45 * inch])
    row.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    bullets = [Paragraph(esc(b), st["bullet"], bulletText="•") for b in x["bullets"]]
    return [KeepTogether([row, *bullets[:1]]), *bullets[1:]]


def render_single_column_pdf(p: dict[str, Any], path: Path) -> int:
    accent = "#1F4E79" if p["level"] else "#7A3E1D"
    st = _styles("Helvetica", accent, size=9.6)
    margin = 0.7 * inch
    doc = SimpleDocTemplate(
        str(path),
        pagesize=LETTER,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=0.55 * inch,
        bottomMargin=0.5 * inch,
        **para_pdf_meta(p),
    )
    width = LETTER[0] - 2 * margin
    story: list[Any] = [
        Paragraph(esc(p["name"]), st["name"]),
        Paragraph(esc(p["headline"]), st["headline"]),
        Paragraph(esc(" | ".join(contact_items(p))), st["contact"]),
    ]
    story += _section(heading(p, "summary"), st, accent)
    story.append(Paragraph(esc(p["summary"]), st["body"]))
    story += _section(heading(p, "experience"), st, accent)
    for x in p["experience"]:
        story += _job_block(x, st, width)
    story += _section(heading(p, "education"), st, accent)
    for e in p["education"]:
        text = f"<b>{esc(e['degree'])} {esc(e['field'])}</b> — {esc(e['institution'])}, {e['year']}"
        story.append(Paragraph(text, st["body"]))
        if e.get("detail"):
            story.append(Paragraph(esc(e["detail"]), st["small"]))
    story += _section(heading(p, "skills"), st, accent)
    for s in p["skills"]:
        story.append(
            Paragraph(f"<b>{esc(s['area'])}:</b> {esc(', '.join(s['items']))}", st["body"])
        )
    story += _section(heading(p, "projects"), st, accent)
    for pr in p["projects"]:
        story.append(
            Paragraph(f"<b>{esc(pr['name'])}</b> — {esc(pr['text'])}", st["bullet"], bulletText="•")
        )
    story += _section(heading(p, "certifications"), st, accent)
    for c in p["certifications"]:
        story.append(Paragraph(esc(cert_line(c)), st["bullet"], bulletText="•"))
    for title, lines in p.get("extra", []):
        story += _section(title, st, accent)
        story += [Paragraph(esc(line), st["bullet"], bulletText="•") for line in lines]
    pages: list[int] = []
    doc.build(
        story,
        onLaterPages=lambda c, d: pages.append(c.getPageNumber()),
        onFirstPage=lambda c, d: pages.append(c.getPageNumber()),
    )
    return len(pages)


# --------------------------------------------------------------------------------------------
# PDF: two columns (header band, left sidebar, main column) with reportlab Frames
# --------------------------------------------------------------------------------------------


def render_two_column_pdf(p: dict[str, Any], path: Path) -> int:
    page_w, page_h = A4
    band_h = 1.05 * inch
    side_w = 2.6 * inch
    navy = colors.HexColor("#17324D")
    side_bg = colors.HexColor("#EDF1F5")
    pages: list[int] = []

    def decorate(c: canvas.Canvas, _doc: Any) -> None:
        pages.append(c.getPageNumber())
        c.saveState()
        c.setFillColor(navy)
        c.rect(0, page_h - band_h, page_w, band_h, stroke=0, fill=1)
        c.setFillColor(side_bg)
        c.rect(0, 0, side_w, page_h - band_h, stroke=0, fill=1)
        c.restoreState()

    header = Frame(
        0.45 * inch,
        page_h - band_h + 0.1 * inch,
        page_w - 0.9 * inch,
        band_h - 0.2 * inch,
        id="header",
        showBoundary=0,
    )
    pad = 0.25 * inch
    side = Frame(
        pad,
        0.45 * inch,
        side_w - 2 * pad,
        page_h - band_h - 0.65 * inch,
        id="side",
        leftPadding=0,
        rightPadding=0,
    )
    main = Frame(
        side_w + pad,
        0.45 * inch,
        page_w - side_w - 2 * pad,
        page_h - band_h - 0.65 * inch,
        id="main",
        leftPadding=0,
        rightPadding=0,
    )
    doc = BaseDocTemplate(str(path), pagesize=A4, **para_pdf_meta(p))
    doc.addPageTemplates([PageTemplate(id="resume", frames=[header, side, main], onPage=decorate)])

    white = colors.white
    name_st = ParagraphStyle(
        "n", fontName="Helvetica-Bold", fontSize=24, leading=28, textColor=white
    )
    head_st = ParagraphStyle(
        "hl", fontName="Helvetica", fontSize=11.5, leading=15, textColor=colors.HexColor("#D6E2EE")
    )
    sh = ParagraphStyle(
        "sh",
        fontName="Helvetica-Bold",
        fontSize=10,
        leading=13,
        textColor=navy,
        spaceBefore=10,
        spaceAfter=3,
    )
    sb = ParagraphStyle("sb", fontName="Helvetica", fontSize=8.5, leading=11.2)
    mh = ParagraphStyle(
        "mh",
        fontName="Helvetica-Bold",
        fontSize=11.5,
        leading=14,
        textColor=navy,
        spaceBefore=8,
        spaceAfter=3,
    )
    mb = ParagraphStyle("mb", fontName="Helvetica", fontSize=9.6, leading=12.8)
    job = ParagraphStyle("job", parent=mb, fontName="Helvetica-Bold", spaceBefore=6)
    meta = ParagraphStyle("meta", parent=mb, textColor=colors.HexColor("#4A5B6C"))
    bullet = ParagraphStyle(
        "b", parent=mb, leftIndent=11, bulletIndent=2, spaceBefore=1.5, bulletFontName=BULLET_FONT
    )

    story: list[Any] = [
        Paragraph(esc(p["name"]), name_st),
        Paragraph(esc(p["headline"]), head_st),
        FrameBreak(),
    ]
    c = p["contact"]
    story.append(Paragraph("CONTACT", sh))
    for key in ("email", "phone", "location", "linkedin", "github"):
        if c.get(key):
            story.append(Paragraph(esc(c[key]), sb))
    story.append(Paragraph(esc(heading(p, "skills")).upper(), sh))
    for s in p["skills"]:
        story.append(Paragraph(f"<b>{esc(s['area'])}</b>", sb))
        story.append(Paragraph(esc(", ".join(s["items"])), sb))
        story.append(Spacer(1, 3))
    story.append(Paragraph(esc(heading(p, "certifications")).upper(), sh))
    for cert in p["certifications"]:
        story.append(Paragraph(esc(cert_line(cert)), sb))
    for title, lines in p.get("extra", []):
        story.append(Paragraph(esc(title).upper(), sh))
        story += [Paragraph(esc(line), sb) for line in lines]
    story.append(FrameBreak())

    story.append(Paragraph(esc(heading(p, "summary")).upper(), mh))
    story.append(Paragraph(esc(p["summary"]), mb))
    story.append(Paragraph(esc(heading(p, "experience")).upper(), mh))
    for x in p["experience"]:
        story.append(Paragraph(esc(x["title"]), job))
        story.append(Paragraph(f"{esc(x['org'])}, {esc(x['location'])} · {esc(x['dates'])}", meta))
        story += [Paragraph(esc(b), bullet, bulletText="•") for b in x["bullets"]]
    story.append(Paragraph(esc(heading(p, "projects")).upper(), mh))
    for pr in p["projects"]:
        story.append(Paragraph(f"<b>{esc(pr['name'])}</b> — {esc(pr['text'])}", mb))
    story.append(Paragraph(esc(heading(p, "education")).upper(), mh))
    for e in p["education"]:
        story.append(Paragraph(f"<b>{esc(e['degree'])} {esc(e['field'])}</b>", mb))
        story.append(Paragraph(f"{esc(e['institution'])}, {e['year']}", meta))
    doc.build(story)
    return len(pages)


# --------------------------------------------------------------------------------------------
# PDF: two pages with a table-based skills grid and "Page N of M" footers
# --------------------------------------------------------------------------------------------


def render_skills_grid_pdf(p: dict[str, Any], path: Path) -> int:
    accent = "#0B6E69"
    st = _styles("Helvetica", accent, size=9.6)
    margin = 0.75 * inch
    doc = SimpleDocTemplate(
        str(path),
        pagesize=LETTER,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=0.65 * inch,
        bottomMargin=0.8 * inch,
        **para_pdf_meta(p),
    )
    width = LETTER[0] - 2 * margin
    centered = {
        k: ParagraphStyle(k + "c", parent=st[k], alignment=TA_CENTER)
        for k in ("name", "headline", "contact")
    }
    story: list[Any] = [
        Paragraph(esc(p["name"]), centered["name"]),
        Paragraph(esc(p["headline"]), centered["headline"]),
        Paragraph(esc(" · ".join(contact_items(p))), centered["contact"]),
        Spacer(1, 4),
    ]
    story += _section(heading(p, "summary"), st, accent)
    story.append(Paragraph(esc(p["summary"]), st["body"]))

    story += _section(heading(p, "skills"), st, accent)
    cell = ParagraphStyle("cell", parent=st["body"], fontSize=8.8, leading=11)
    head = ParagraphStyle("head", parent=cell, fontName="Helvetica-Bold", textColor=colors.white)
    rows: list[list[Any]] = [
        [
            Paragraph("Area", head),
            Paragraph("Skills and tools", head),
            Paragraph("Experience", head),
        ]
    ]
    for s in p["skills"]:
        rows.append(
            [
                Paragraph(f"<b>{esc(s['area'])}</b>", cell),
                Paragraph(esc(", ".join(s["items"])), cell),
                Paragraph(esc(s.get("years", "")), cell),
            ]
        )
    grid = Table(rows, colWidths=[1.35 * inch, width - 2.3 * inch, 0.95 * inch], repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(accent)),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#EEF6F5")]),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#9DBFBC")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story += [grid, Spacer(1, 2)]

    story += _section(heading(p, "experience"), st, accent)
    for x in p["experience"]:
        story += _job_block(x, st, width)
    story += _section(heading(p, "education"), st, accent)
    for e in p["education"]:
        story.append(Paragraph(f"<b>{esc(e['degree'])}, {esc(e['field'])}</b>", st["body"]))
        story.append(Paragraph(f"{esc(e['institution'])} — {e['year']}", st["body"]))
        if e.get("detail"):
            story.append(Paragraph(esc(e["detail"]), st["small"]))
        story.append(Spacer(1, 3))
    story += _section(heading(p, "certifications"), st, accent)
    for c in p["certifications"]:
        story.append(Paragraph(esc(cert_line(c)), st["bullet"], bulletText="•"))
    story += _section(heading(p, "projects"), st, accent)
    for pr in p["projects"]:
        story.append(
            Paragraph(f"<b>{esc(pr['name'])}</b>. {esc(pr['text'])}", st["bullet"], bulletText="•")
        )
    for title, lines in p.get("extra", []):
        story += _section(title, st, accent)
        story += [Paragraph(esc(line), st["bullet"], bulletText="•") for line in lines]
    pages: list[int] = []
    doc.build(
        story,
        canvasmaker=NumberedCanvas,
        onFirstPage=lambda c, d: pages.append(1),
        onLaterPages=lambda c, d: pages.append(1),
    )
    return len(pages)


# --------------------------------------------------------------------------------------------
# PDF: LaTeX-like.  Every word is its own drawString at a computed x, so the page holds no
# space characters at all; lines are justified with TeX-like (Times) interword glue, i.e. gaps
# of roughly 0.2–0.4 em, which is tighter than pdfplumber's default x_tolerance of 3 pt.
# --------------------------------------------------------------------------------------------

Token = tuple[str, str]  # (word, font name)

TEX_R, TEX_B, TEX_I = "Times-Roman", "Times-Bold", "Times-Italic"


def words(text: str, font: str = TEX_R) -> list[Token]:
    return [(w, font) for w in text.split()]


class TexPages:
    def __init__(self, size: float = 10.5) -> None:
        self.page_w, self.page_h = LETTER
        self.left = 0.8 * inch
        self.right = self.page_w - 0.8 * inch
        self.top = self.page_h - 0.7 * inch
        self.bottom = 0.85 * inch
        self.size = size
        self.leading = size * 1.22
        self.space = 0.25 * size  # Times interword space in TeX (2.5pt at 10pt)
        self.min_space = 0.20 * size  # after shrink
        self.pages: list[list[tuple[Any, ...]]] = [[]]
        self.y = self.top

    # low-level drawing ops, replayed later so footers can know the page count
    def word(self, x: float, y: float, text: str, font: str, size: float) -> None:
        self.pages[-1].append(("w", x, y, text, font, size))

    def rule(self, x1: float, x2: float, y: float, width: float = 0.6) -> None:
        self.pages[-1].append(("r", x1, x2, y, width))

    def need(self, height: float) -> None:
        if self.y - height < self.bottom:
            self.pages.append([])
            self.y = self.top

    def width(self, tokens: list[Token], size: float, gap: float) -> float:
        total = sum(stringWidth(w, f, size) for w, f in tokens)
        return total + gap * max(0, len(tokens) - 1)

    def draw_tokens(self, tokens: list[Token], x: float, y: float, size: float, gap: float) -> None:
        for w, f in tokens:
            self.word(x, y, w, f, size)
            x += stringWidth(w, f, size) + gap

    def centered(self, tokens: list[Token], size: float, leading: float) -> None:
        self.need(leading)
        self.y -= leading
        gap = 0.3 * size
        w = self.width(tokens, size, gap)
        self.draw_tokens(tokens, (self.left + self.right - w) / 2, self.y, size, gap)

    def paragraph(self, tokens: list[Token], indent: float = 0.0, bullet: bool = False) -> None:
        x0 = self.left + indent
        avail = self.right - x0
        lines: list[list[Token]] = []
        line: list[Token] = []
        for tok in tokens:
            if line and self.width([*line, tok], self.size, self.min_space) > avail:
                lines.append(line)
                line = []
            line.append(tok)
        if line:
            lines.append(line)
        for i, ln in enumerate(lines):
            self.need(self.leading)
            self.y -= self.leading
            if bullet and i == 0:
                self.word(x0 - 9, self.y, "•", BULLET_FONT, self.size - 1)
            natural = sum(stringWidth(w, f, self.size) for w, f in ln)
            last = i == len(lines) - 1
            gap = self.space if last or len(ln) < 2 else (avail - natural) / (len(ln) - 1)
            self.draw_tokens(ln, x0, self.y, self.size, gap)

    def heading(self, title: str) -> None:
        self.need(self.leading * 4.2)
        self.y -= self.leading * 1.35
        self.draw_tokens(
            words(title.upper(), TEX_B), self.left, self.y, self.size + 1, 0.3 * (self.size + 1)
        )
        self.rule(self.left, self.right, self.y - 3.2)
        self.y -= 5

    def left_right(self, left: list[Token], right: list[Token]) -> None:
        self.y -= self.leading
        self.draw_tokens(left, self.left, self.y, self.size, self.space)
        rw = self.width(right, self.size, self.space)
        self.draw_tokens(right, self.right - rw, self.y, self.size, self.space)

    def render(self, path: Path, meta: dict[str, Any]) -> int:
        c = canvas.Canvas(str(path), pagesize=LETTER, invariant=1)
        c.setTitle(meta["title"])
        c.setAuthor(meta["author"])
        c.setSubject(meta["subject"])
        c.setCreator(meta["creator"])
        total = len(self.pages)
        for n, ops in enumerate(self.pages, start=1):
            for op in ops:
                if op[0] == "w":
                    _, x, y, text, font, size = op
                    c.setFont(font, size)
                    c.drawString(x, y, text)
                else:
                    _, x1, x2, y, lw = op
                    c.setLineWidth(lw)
                    c.line(x1, y, x2, y)
            footer = words(f"Page {n} of {total}")
            fsize = self.size - 1.5
            fw = self.width(footer, fsize, 0.25 * fsize)
            x = (self.page_w - fw) / 2
            for w, f in footer:
                c.setFont(f, fsize)
                c.drawString(x, 0.5 * inch, w)
                x += stringWidth(w, f, fsize) + 0.25 * fsize
            c.showPage()
        c.save()
        return total


def render_latex_like_pdf(p: dict[str, Any], path: Path) -> int:
    t = TexPages()
    t.y += 4
    t.centered(words(p["name"], TEX_B), 20, 22)
    t.centered(words(p["headline"], TEX_I), 11.5, 16)
    items = contact_items(p)
    for row in (items[:3], items[3:]):
        tokens: list[Token] = []
        for i, item in enumerate(row):
            if i:
                tokens.append(("·", TEX_R))
            tokens += words(item)
        t.centered(tokens, 9.5, 12.5)

    t.heading(heading(p, "summary"))
    t.paragraph(words(p["summary"]))

    t.heading(heading(p, "experience"))
    for x in p["experience"]:
        t.need(t.leading * 3)
        t.y -= 3
        t.left_right(words(x["title"], TEX_B), words(x["dates"], TEX_R))
        t.left_right(words(x["org"], TEX_I), words(x["location"], TEX_I))
        for b in x["bullets"]:
            t.paragraph(words(b), indent=12, bullet=True)

    t.heading(heading(p, "education"))
    for e in p["education"]:
        t.need(t.leading * 2)
        t.left_right(words(f"{e['degree']} {e['field']}", TEX_B), words(str(e["year"])))
        detail = e["institution"] + (f". {e['detail']}" if e.get("detail") else "")
        t.paragraph(words(detail, TEX_I))

    t.heading(heading(p, "skills"))
    for s in p["skills"]:
        t.paragraph(words(s["area"] + ":", TEX_B) + words(", ".join(s["items"])))

    t.heading(heading(p, "certifications"))
    for c in p["certifications"]:
        t.paragraph(words(cert_line(c)), indent=12, bullet=True)

    t.heading(heading(p, "projects"))
    for pr in p["projects"]:
        t.paragraph(words(pr["name"] + ".", TEX_B) + words(pr["text"]), indent=12, bullet=True)

    for title, lines in p.get("extra", []):
        t.heading(title)
        for line in lines:
            t.paragraph(words(line), indent=12, bullet=True)
    return t.render(path, para_pdf_meta(p))


# --------------------------------------------------------------------------------------------
# PDF: Awesome-CV-like (the XeLaTeX class).  One embedded TrueType family (Bitstream Vera, which
# ships with reportlab) so the text layer holds what the template draws: the name in
# letter-spaced capitals with the contact lines beside it, section titles whose first three
# letters are in the accent colour, a bold title with its dates at the right margin over the
# employer and city, date ranges joined by a soft hyphen (U+00AD, as Awesome-CV's dates come
# out of XeLaTeX), skills as "A • B • C" rows and a "Name · Résumé" footer with the page number.
# --------------------------------------------------------------------------------------------

ACV_R, ACV_B, ACV_I = "AcvSans", "AcvSans-Bold", "AcvSans-Oblique"
ACV_ACCENT = colors.HexColor("#DC3522")
ACV_DARK = colors.HexColor("#333333")
ACV_GRAY = colors.HexColor("#5D5D5D")
ACV_LIGHT = colors.HexColor("#999999")


def _acv_fonts() -> None:
    for name, file in ((ACV_R, "Vera.ttf"), (ACV_B, "VeraBd.ttf"), (ACV_I, "VeraIt.ttf")):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, file))


def wrap_to_width(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        longer = f"{line} {word}" if line else word
        if line and stringWidth(longer, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = longer
    return [*lines, line] if line else lines


class AcvPages:
    """A canvas with a cursor: rows drawn top-down, a new page when the current one is full."""

    size = 9.0  # body text
    leading = 11.6

    def __init__(self, path: Path, p: dict[str, Any]) -> None:
        _acv_fonts()
        self.page_w, self.page_h = A4
        self.left, self.right = 1.4 * cm, self.page_w - 1.4 * cm
        self.top, self.bottom = self.page_h - 1.2 * cm, 1.8 * cm
        self.c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        meta = para_pdf_meta(p)
        for setter, key in (
            (self.c.setTitle, "title"),
            (self.c.setAuthor, "author"),
            (self.c.setSubject, "subject"),
            (self.c.setCreator, "creator"),
        ):
            setter(meta[key])
        self.footer_text = f"{p['name']}  ·  Résumé"
        self.page = 1
        self.y = self.top

    def text(
        self, x: float, text: str, font: str, size: float, color: Any, align: str = "left"
    ) -> None:
        self.c.setFont(font, size)
        self.c.setFillColor(color)
        if align == "right":
            self.c.drawRightString(x, self.y, text)
        else:
            self.c.drawString(x, self.y, text)

    def need(self, height: float) -> None:
        if self.y - height < self.bottom:
            self.footer()
            self.c.showPage()
            self.page += 1
            self.y = self.top

    def down(self, height: float) -> None:
        self.need(height)
        self.y -= height

    def footer(self) -> None:
        y, self.y = self.y, 1.0 * cm
        self.text(
            self.page_w / 2 - stringWidth(self.footer_text, ACV_R, 7.5) / 2,
            self.footer_text,
            ACV_R,
            7.5,
            ACV_LIGHT,
        )
        self.text(self.right, str(self.page), ACV_R, 7.5, ACV_LIGHT, align="right")
        self.y = y

    def finish(self) -> int:
        self.footer()
        self.c.showPage()
        self.c.save()
        return self.page


def _acv_header(pg: AcvPages, p: dict[str, Any]) -> None:
    """Name in letter-spaced capitals, first name light; contact lines beside it at the right."""
    size = 26.0
    pg.y -= size
    first, last = p["name"].upper().rsplit(" ", 1)
    t = pg.c.beginText(pg.left, pg.y)
    t.setCharSpace(0.28 * size)
    t.setFont(ACV_R, size)
    t.setFillColor(ACV_LIGHT)
    t.textOut(first + " ")
    t.setFont(ACV_B, size)
    t.setFillColor(ACV_DARK)
    t.textOut(last)
    t.setCharSpace(0)  # Tc is text state: it would carry on into every later string
    pg.c.drawText(t)
    c = p["contact"]
    rows = [(c["email"], c["phone"]), (c["location"], c["github"])]
    y = pg.y
    for offset, row in zip((10.5, 0.0), rows, strict=True):
        pg.y = y + offset
        pg.text(pg.right, "  |  ".join(row), ACV_R, 8, ACV_GRAY, align="right")
    pg.y = y
    pg.down(15)
    pg.text(pg.left, p["headline"].upper(), ACV_R, 8.5, ACV_ACCENT)


def _acv_section(pg: AcvPages, title: str) -> None:
    """'Exp' in the accent colour, 'erience' in dark grey, then a rule to the right margin."""
    size = 14.0
    pg.need(size + 4 * pg.leading)
    pg.y -= size + 8
    head, rest = title[:3], title[3:]
    pg.text(pg.left, head, ACV_B, size, ACV_ACCENT)
    x = pg.left + stringWidth(head, ACV_B, size)
    pg.text(x, rest, ACV_B, size, ACV_DARK)
    x += stringWidth(rest, ACV_B, size) + 6
    pg.c.setStrokeColor(ACV_LIGHT)
    pg.c.setLineWidth(0.9)
    pg.c.line(x, pg.y + 3.5, pg.right, pg.y + 3.5)
    pg.y -= 4


def _acv_row(pg: AcvPages, left: str, right: str, font: str, size: float, color: Any) -> None:
    pg.down(size * 1.3)
    pg.text(pg.left, left, font, size, color)
    if right:
        pg.text(pg.right, right, ACV_I, 8, ACV_GRAY, align="right")


def _acv_bullets(pg: AcvPages, items: list[str]) -> None:
    indent = 14
    for item in items:
        for i, line in enumerate(wrap_to_width(item, ACV_R, pg.size, pg.right - pg.left - indent)):
            pg.down(pg.leading)
            if i == 0:
                pg.text(pg.left + 4, "•", ACV_R, pg.size, ACV_GRAY)
            pg.text(pg.left + indent, line, ACV_R, pg.size, ACV_GRAY)


def _acv_entry(
    pg: AcvPages, title: str, dates: str, org: str, location: str, bullets: list[str]
) -> None:
    """Awesome-CV's \\cventry: title and dates, then employer and city (none for a promotion)."""
    pg.need(3 * pg.leading + 12)
    pg.y -= 4
    _acv_row(pg, title, dates, ACV_B, 10, ACV_DARK)
    if org:
        _acv_row(pg, org, "", ACV_R, 9, ACV_GRAY)
        pg.text(pg.right, location, ACV_I, 8, ACV_GRAY, align="right")
    _acv_bullets(pg, bullets)


def _acv_paragraph(pg: AcvPages, text: str) -> None:
    for line in wrap_to_width(text, ACV_R, pg.size, pg.right - pg.left):
        pg.down(pg.leading)
        pg.text(pg.left, line, ACV_R, pg.size, ACV_GRAY)


def _acv_skills(pg: AcvPages, skills: list[dict[str, Any]]) -> None:
    """Awesome-CV's \\cvskill rows: the area right-aligned in a narrow column, items beside it."""
    col = 3.9 * cm
    for s in skills:
        lines = wrap_to_width(" • ".join(s["items"]), ACV_R, pg.size, pg.right - pg.left - col)
        for i, line in enumerate(lines):
            pg.down(pg.leading + (2 if i == 0 else 0))
            if i == 0:
                pg.text(pg.left + col - 10, s["area"], ACV_B, pg.size, ACV_DARK, align="right")
            pg.text(pg.left + col, line, ACV_R, pg.size, ACV_GRAY)


def render_awesome_cv_pdf(p: dict[str, Any], path: Path) -> int:
    pg = AcvPages(path, p)
    _acv_header(pg, p)
    _acv_section(pg, heading(p, "summary"))
    _acv_paragraph(pg, p["summary"])
    _acv_section(pg, heading(p, "experience"))
    previous: dict[str, Any] = {}
    for x in p["experience"]:
        org = "" if x["org"] == previous.get("org") else x["org"]  # a promotion: title only
        _acv_entry(pg, x["title"], x["dates"], org, x["location"], x["bullets"])
        previous = x
    _acv_section(pg, heading(p, "education"))
    for e in p["education"]:
        detail = [e["detail"]] if e.get("detail") else []
        degree = f"{e['degree']} {e['field']}"
        _acv_entry(pg, degree, e["dates"], e["institution"], e["location"], detail)
    _acv_section(pg, heading(p, "skills"))
    _acv_skills(pg, p["skills"])
    _acv_section(pg, heading(p, "projects"))
    for pr in p["projects"]:
        _acv_entry(pg, pr["name"], "", "", "", [pr["text"]])
    _acv_section(pg, heading(p, "certifications"))
    for cert in p["certifications"]:
        _acv_row(pg, cert["name"], str(cert["year"]), ACV_B, 9, ACV_DARK)
    _acv_section(pg, "Extracurricular Activity")
    for a in p.get("activities", []):
        _acv_entry(pg, a["name"], a["dates"], "", "", [a["text"]])
    return pg.finish()


# --------------------------------------------------------------------------------------------
# DOCX (python-docx): headings, bullets, optional skills table, "Page N of M" footer
# --------------------------------------------------------------------------------------------


def _field(paragraph: Any, instr: str, cached: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = cached
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps so the DOCX bytes are reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            zout.writestr(member, zin.read(info.filename))
    return out.getvalue()


def _docx_document(p: dict[str, Any]) -> Any:
    """A Letter-sized document with fixed core properties (reproducible bytes)."""
    doc = Document()
    props = doc.core_properties
    props.author = p["name"]
    props.title = f"{p['name']} – Resume"
    props.subject = "Resume"
    props.last_modified_by = p["name"]
    props.comments = f"Fictional sample generated by {CREATOR}"
    props.revision = 1
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE

    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Inches(0.8))
    section.top_margin = section.bottom_margin = Inches(0.7)
    return doc


def _save_docx(doc: Any, path: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(_fixed_zip(buf.getvalue()))


def render_docx(p: dict[str, Any], path: Path, skills_table: bool) -> int:
    doc = _docx_document(p)
    section = doc.sections[0]
    text_width = Inches(8.5 - 1.6)

    name = doc.add_paragraph()
    run = name.add_run(p["name"])
    run.bold = True
    run.font.size = Pt(22)
    run.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    name.paragraph_format.space_after = Pt(0)
    hl = doc.add_paragraph()
    hl.add_run(p["headline"]).italic = True
    hl.paragraph_format.space_after = Pt(2)
    doc.add_paragraph(" | ".join(contact_items(p)))

    doc.add_heading(heading(p, "summary"), level=1)
    doc.add_paragraph(p["summary"])

    doc.add_heading(heading(p, "skills"), level=1)
    if skills_table:
        table = doc.add_table(rows=0, cols=2)
        table.style = "Light Grid Accent 1"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for s in p["skills"]:
            cells = table.add_row().cells
            cells[0].text = s["area"]
            cells[1].text = ", ".join(s["items"])
            cells[0].width, cells[1].width = Inches(1.7), text_width - Inches(1.7)
    else:
        for s in p["skills"]:
            para = doc.add_paragraph(style="List Bullet")
            para.add_run(s["area"] + ": ").bold = True
            para.add_run(", ".join(s["items"]))

    doc.add_heading(heading(p, "experience"), level=1)
    for x in p["experience"]:
        para = doc.add_paragraph()
        para.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT)
        para.paragraph_format.space_before = Pt(6)
        para.paragraph_format.space_after = Pt(0)
        para.paragraph_format.keep_with_next = True
        para.add_run(x["title"]).bold = True
        para.add_run(f" — {x['org']}, {x['location']}\t{x['dates']}")
        for b in x["bullets"]:
            doc.add_paragraph(b, style="List Bullet")

    doc.add_heading(heading(p, "education"), level=1)
    for e in p["education"]:
        para = doc.add_paragraph()
        para.add_run(f"{e['degree']} {e['field']}").bold = True
        para.add_run(f", {e['institution']}, {e['year']}")

    doc.add_heading(heading(p, "certifications"), level=1)
    for c in p["certifications"]:
        doc.add_paragraph(cert_line(c), style="List Bullet")

    doc.add_heading(heading(p, "projects"), level=1)
    for pr in p["projects"]:
        para = doc.add_paragraph(style="List Bullet")
        para.add_run(pr["name"] + ": ").bold = True
        para.add_run(pr["text"])

    for title, lines in p.get("extra", []):
        doc.add_heading(title, level=1)
        for line in lines:
            doc.add_paragraph(line, style="List Bullet")

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", str(p.get("pages", 1)))

    _save_docx(doc, path)
    return p.get("pages", 1)


# --------------------------------------------------------------------------------------------
# DOCX: a job portal's profile export (the Indian portals' "download resume").  No heading
# styles: the name runs into the portal's badge ("PRIYA NAIRFeatured Resume"), then "Label:
# value" fields (masked and "Verified" contact lines, "Total Experience: 6 Year(s) 4 Month(s)"),
# bold section titles, positions as "Employer as Title" with "Jan 2023 to Till Date" below,
# "PG:/UG: degree from institution in year" and an IT-skills table.
# --------------------------------------------------------------------------------------------

PORTAL_BLUE = RGBColor(0x27, 0x4C, 0x77)


def _portal_title(doc: Any, title: str) -> None:
    para = doc.add_paragraph()
    para.paragraph_format.space_before = Pt(10)
    para.paragraph_format.space_after = Pt(2)
    run = para.add_run(title)
    run.bold = True
    run.font.size = Pt(11.5)
    run.font.color.rgb = PORTAL_BLUE


def _portal_field(doc: Any, label: str, value: str) -> None:
    para = doc.add_paragraph()
    para.paragraph_format.space_after = Pt(0)
    para.add_run(f"{label}: ").bold = True
    para.add_run(value)


def _portal_table(doc: Any, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def render_portal_docx(p: dict[str, Any], path: Path) -> int:
    doc = _docx_document(p)
    portal = p["portal"]
    first = doc.add_paragraph()
    run = first.add_run(p["name"].upper())
    run.bold = True
    run.font.size = Pt(16)
    badge = first.add_run(portal["badge"])  # no space: the badge is a separate HTML element
    badge.font.size = Pt(8)
    badge.font.color.rgb = RGBColor(0xE8, 0x7A, 0x00)
    doc.add_paragraph().add_run(p["headline"]).italic = True
    for label, value in portal["fields"]:
        _portal_field(doc, label, value)
    for label, value in portal["contact_lines"]:
        _portal_field(doc, label, value)

    _portal_title(doc, heading(p, "summary"))
    doc.add_paragraph(p["summary"])
    _portal_field(doc, "Objective", p["objective"])
    _portal_title(doc, heading(p, "skills"))
    doc.add_paragraph(", ".join(item for s in p["skills"] for item in s["items"]))

    _portal_title(doc, heading(p, "experience"))
    for x in p["experience"]:
        para = doc.add_paragraph()
        para.paragraph_format.space_before = Pt(6)
        para.paragraph_format.space_after = Pt(0)
        para.add_run(f"{x['org']} as {x['title']}").bold = True
        doc.add_paragraph(x["dates"]).paragraph_format.space_after = Pt(2)
        for b in x["bullets"]:
            doc.add_paragraph(b, style="List Bullet")

    _portal_title(doc, heading(p, "education"))
    for e in p["education"]:
        label = "PG" if e["degree"].startswith(("M", "P")) else "UG"
        doc.add_paragraph(
            f"{label}: {e['degree']} ({e['field']}) from {e['institution']} in {e['year']}"
        )
    _portal_title(doc, "IT Skills")
    _portal_table(doc, ("Skill Name", "Version", "Last Used", "Experience"), portal["it_skills"])
    _portal_title(doc, heading(p, "certifications"))
    for c in p["certifications"]:
        doc.add_paragraph(cert_line(c))
    _portal_title(doc, "Affiliations")
    for line in portal["affiliations"]:
        doc.add_paragraph(line)
    _portal_title(doc, "Personal Details")
    for label, value in portal["personal"]:
        _portal_field(doc, label, value)

    _save_docx(doc, path)
    return 1


# --------------------------------------------------------------------------------------------
# Plain text and Markdown
# --------------------------------------------------------------------------------------------


def _wrap(text: str, indent: str = "", first: str | None = None, width: int = 92) -> str:
    return textwrap.fill(
        text,
        width=width,
        initial_indent=first if first is not None else indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )


def render_txt(p: dict[str, Any], path: Path) -> int:
    c = p["contact"]
    out = [
        p["name"].upper(),
        p["headline"],
        f"{c['location']} | {c['phone']} | {c['email']}",
        " | ".join(c[k] for k in ("linkedin", "github") if c.get(k)),
    ]

    def section(title: str) -> None:
        out.extend(["", title.upper(), "-" * len(title)])

    section(heading(p, "summary"))
    out.append(_wrap(p["summary"]))
    section(heading(p, "experience"))
    for x in p["experience"]:
        out.append(x["title"])
        out.append(f"{x['org']}, {x['location']} | {x['dates']}")
        out += [_wrap(b, indent="    ", first="  - ") for b in x["bullets"]]
        out.append("")
    out.pop()
    section(heading(p, "education"))
    for e in p["education"]:
        out.append(education_line(e))
    section(heading(p, "skills"))
    for s in p["skills"]:
        out.append(_wrap(f"{s['area']}: {', '.join(s['items'])}", indent="    ", first=""))
    section(heading(p, "projects"))
    for pr in p["projects"]:
        out.append(_wrap(f"{pr['name']}: {pr['text']}", indent="    ", first="  - "))
    section(heading(p, "certifications"))
    out += [f"  - {cert_line(cert)}" for cert in p["certifications"]]
    for title, lines in p.get("extra", []):
        section(title)
        out += [_wrap(line, indent="    ", first="  - ") for line in lines]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 1


def render_md(p: dict[str, Any], path: Path) -> int:
    c = p["contact"]
    links = " · ".join(f"[{c[k]}](https://{c[k]})" for k in ("linkedin", "github") if c.get(k))
    out = [
        f"# {p['name']}",
        "",
        f"**{p['headline']}**",
        "",
        f"{c['location']} · {c['phone']} · [{c['email']}](mailto:{c['email']}) · {links}",
        "",
        f"## {heading(p, 'summary')}",
        "",
        _wrap(p["summary"]),
        "",
        f"## {heading(p, 'experience')}",
    ]
    for x in p["experience"]:
        out += ["", f"### {x['title']} — {x['org']}, {x['location']}", f"*{x['dates']}*", ""]
        out += [_wrap(b, indent="  ", first="- ") for b in x["bullets"]]
    out += ["", f"## {heading(p, 'skills')}", ""]
    out += [f"- **{s['area']}:** {', '.join(s['items'])}" for s in p["skills"]]
    out += ["", f"## {heading(p, 'projects')}", ""]
    out += [
        _wrap(f"**{pr['name']}** — {pr['text']}", indent="  ", first="- ") for pr in p["projects"]
    ]
    out += ["", f"## {heading(p, 'education')}", ""]
    out += [f"- {education_line(e)}" for e in p["education"]]
    out += ["", f"## {heading(p, 'certifications')}", ""]
    out += [f"- {cert_line(cert)}" for cert in p["certifications"]]
    for title, lines in p.get("extra", []):
        out += ["", f"## {title}", ""]
        out += [_wrap(line, indent="  ", first="- ") for line in lines]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 1


RENDERERS: dict[str, Callable[[dict[str, Any], Path], int]] = {
    "single-column": render_single_column_pdf,
    "two-column": render_two_column_pdf,
    "skills-grid": render_skills_grid_pdf,
    "latex-like": render_latex_like_pdf,
    "docx-skills-table": lambda p, path: render_docx(p, path, skills_table=True),
    "docx": lambda p, path: render_docx(p, path, skills_table=False),
    "plain-text": render_txt,
    "markdown": render_md,
    "awesome-cv": render_awesome_cv_pdf,
    "portal-docx": render_portal_docx,
}

LAYOUT_TEXT = {
    "single-column": "single-column PDF",
    "two-column": "two-column PDF: header band, left sidebar (contact, skills, "
    "certifications), main column (experience)",
    "skills-grid": "single-column PDF, two pages, table-based skills grid, 'Page N of 2' footer",
    "latex-like": "LaTeX-like PDF, two pages: every word drawn separately (no space "
    "characters), justified, bold capital headings, 'Page N of 2' footer",
    "docx-skills-table": "DOCX with heading styles, a skills table and a 'Page N of M' footer",
    "docx": "DOCX with heading styles and bullet lists",
    "plain-text": "plain text, UTF-8",
    "markdown": "Markdown",
    "awesome-cv": "Awesome-CV-like LaTeX PDF, two pages: letter-spaced name beside the contact "
    "lines, title and dates over employer and city, soft-hyphen date ranges, embedded font",
    "portal-docx": "job-portal profile export DOCX: name run into a 'Featured Resume' badge, "
    "'Label: value' fields, 'Employer as Title' positions, an IT-skills table",
}


# --------------------------------------------------------------------------------------------
# Job postings
# --------------------------------------------------------------------------------------------


def job_sections(j: dict[str, Any]) -> list[tuple[str, list[str]]]:
    return [
        ("What you will do", j["responsibilities"]),
        (j["required_heading"], j["required"]),
        (j["preferred_heading"], j["preferred"]),
        ("What we offer", j["offer"]),
    ]


def years_asked(j: dict[str, Any]) -> str:
    if j.get("max_years") is not None:
        return f"{j['min_years']}–{j['max_years']}"
    return f"{j['min_years']}+"


def render_job_md(j: dict[str, Any], path: Path) -> None:
    out = [
        f"# {j['title']}",
        "",
        f"**{j['company']}** · {j['location']}",
        "",
        "## About the role",
        "",
        _wrap(j["about"]),
    ]
    for title, items in job_sections(j):
        out += ["", f"## {title}", ""]
        out += [_wrap(i, indent="  ", first="- ") for i in items]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def render_job_txt(j: dict[str, Any], path: Path) -> None:
    out = [j["title"].upper(), f"{j['company']} — {j['location']}", "", _wrap(j["about"])]
    for title, items in job_sections(j):
        out += ["", f"{title.upper()}:"]
        out += [_wrap(i, indent="    ", first="  * ") for i in items]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def render_job_pdf(j: dict[str, Any], path: Path) -> None:
    st = _styles("Helvetica", "#5B2C83", size=10.5)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=LETTER,
        leftMargin=inch,
        rightMargin=inch,
        topMargin=0.8 * inch,
        bottomMargin=0.8 * inch,
        title=j["title"],
        author=j["company"],
        subject="Job posting",
        creator=CREATOR,
        invariant=1,
    )
    story: list[Any] = [
        Paragraph(esc(j["title"]), ParagraphStyle("t", parent=st["name"], fontSize=19, leading=23)),
        Paragraph(f"{esc(j['company'])} · {esc(j['location'])}", st["headline"]),
        Spacer(1, 6),
        Paragraph("About the role", st["h"]),
        Paragraph(esc(j["about"]), st["body"]),
    ]
    for title, items in job_sections(j):
        story.append(Paragraph(esc(title), st["h"]))
        story += [Paragraph(esc(i), st["bullet"], bulletText="•") for i in items]
    doc.build(story)


JOB_RENDERERS: dict[str, Callable[[dict[str, Any], Path], None]] = {
    ".md": render_job_md,
    ".txt": render_job_txt,
    ".pdf": render_job_pdf,
}


# --------------------------------------------------------------------------------------------
# README.md and manifest.json
# --------------------------------------------------------------------------------------------


def manifest() -> dict[str, Any]:
    resumes = []
    for p in PEOPLE:
        resumes.append(
            {
                "file": f"resumes/{p['file']}",
                "name": p["name"],
                "level": p["level"],
                "industry": p["industry"],
                "ai_fit": p["level"] is not None,
                "years": total_years(p),
                "layout": p["layout"],
                "format": Path(p["file"]).suffix.lstrip("."),
                "email": p["contact"]["email"],
                "phone": p["contact"]["phone"],
                "positions": [
                    {
                        "title": x["title"],
                        "organization": x["org"],
                        "dates": x["dates"],
                        "start": x["start"],
                        "end": x["end"],
                    }
                    for x in p["experience"]
                ],
                "education": [
                    {
                        "degree": e["degree"],
                        "field": e["field"],
                        "institution": e["institution"],
                        "year": e["year"],
                    }
                    for e in p["education"]
                ],
                "guide_certifications": [
                    GUIDE_CERTS[c["name"]] for c in p["certifications"] if c["name"] in GUIDE_CERTS
                ],
                "note": p["note"],
            }
        )
    jobs = [
        {
            "file": f"jobs/{j['file']}",
            "company": j["company"],
            "title": j["title"],
            "level": j["level"],
            "industry": j["industry"],
            "min_years": j["min_years"],
            "max_years": j.get("max_years"),
            "format": Path(j["file"]).suffix.lstrip("."),
        }
        for j in JOBS
    ]
    return {"as_of": AS_OF, "resumes": resumes, "jobs": jobs}


README_HEAD = """# Sample resumes and job postings

Fictional people and organisations, generated by `make_samples.py` (do not edit the generated
files by hand: change the data in the script and re-run it). Every name, `@example.com` address,
phone number (555-01xx / 07700 900xxx ranges reserved for fiction), profile link and company is
invented.

```
.venv/bin/python samples/make_samples.py           # rewrite resumes/, jobs/, README, manifest
.venv/bin/python samples/make_samples.py --check   # exit 1 if a committed file is stale
```

The output is byte-for-byte reproducible (reportlab `invariant=1`, fixed DOCX core properties
and zip timestamps). `resumes/` doubles as the batch demo: `matcher batch samples/resumes/`.
`manifest.json` holds the same facts as the tables below in machine-readable form (plus each
position's structured start/end, education and the guide certifications named), for tests.

Years are as of **{as_of}** (run matcher with `--as-of {as_of}`): the positions' spans merged,
months counted end-exclusive, internships included; year-only dates ("2016 – 2017") span
January to December. Expect a reader to land within about ±0.5 years.
"""

README_NOTES = """
## What each sample exercises

- **Date formats** across samples: `Oct 2025 – Present`, `Summer 2024` (Lena Marwick);
  `2024-02 to present` (Tomás Ferreira); `09/2022 - Present`, `05/2020 - 08/2022`
  (Ananya Rao); `2021 – Present`, `2018 – 2020` (Henrik Lindqvist, Giulia Ferraro);
  `Since 2021`, `Mar 2017 – Dec 2020` (Miriam Castellanos); `Since 2024`,
  `Jul 2023 – Dec 2023` (Daniel Osei); `Feb 2024 – Present` (Rafael Mendes);
  `Jul. 2023 <U+00AD> Jan. 2025` (a soft hyphen as the dash, as Awesome-CV's dates come out)
  and `2025.02–pres.` (Nora Keller); `Jan 2023 to Till Date`, `Jun 2020 to Dec 2022` (Priya Nair).
- **Two-column PDF** (`mle_finance_tomas_ferreira.pdf`): a full-width name band over a true
  left sidebar (contact, skills, certifications, languages) and a main column (profile,
  experience, projects, education). Read line by line across the page, the columns
  interleave; a column-aware reader gives the sidebar, then the main column. In the narrow
  sidebar a certification name wraps onto a second line.
- **LaTeX-like PDF** (`architect_manufacturing_henrik_lindqvist.pdf`): each word is a separate
  text object and the page contains no space characters; words are justified with gaps of
  about 2.1–4 pt at 10.5 pt (Times), mostly *below* pdfplumber's default `x_tolerance=3`, so
  a reader must use a size-relative tolerance (for example `x_tolerance_ratio`) to split words.
  Headings are bold capitals with a rule underneath.
- **Awesome-CV-like PDF** (`mle_technology_nora_keller.pdf`): an embedded TrueType font; the
  name in letter-spaced capitals (`N O R A  K E L L E R` in the text layer) with the contact
  lines set small beside it on the same baseline; section titles whose first three letters are
  in the accent colour; each position a bold title with its dates at the right margin over the
  employer and city, and a promotion (a second title at the same employer, no employer line
  of its own); education entries of the same shape with a dated honours line ("Dean's List,
  Fall 2016 – Spring 2017") and a dated "Leadership Certificate Program" under *Extracurricular
  Activity*: neither is a job. Skill phrases wrap onto the next line ("matrix" /
  "factorisation", "hyperparameter" / "tuning") and the skills rows hold one- and
  two-character items (`C • C++ • R (basic) • Go`).
- **Job-portal profile export** (`no_fit_business_analyst_priya_nair.docx`): the name run into
  the portal's badge (`PRIYA NAIRFeatured Resume`), `Label: value` fields with a masked mobile
  number and "Verified" marks beside the real e-mail and an international phone
  (`+44 7700 900456`), `Total Experience: 6 Year(s) 4 Month(s)`, positions as `Employer as
  Title` lines over their dates, `PG:`/`UG:` education lines and an IT-skills table. An
  objective "starting Spring 2027", a dated club membership and "clients in banking,
  accounting and consulting" are no job, and lift no skill to an AI level.
- **Skills grid** (`senior_healthcare_ananya_rao.pdf`): skills in a three-column table (area,
  tools, years), two pages with a `Page 1 of 2` footer that is not part of any section.
- **DOCX**: real heading styles (`Heading 1`), `List Bullet` paragraphs, a right tab before the
  dates; the Head of AI resume has its skills in a table and a `Page N of M` footer made of
  PAGE/NUMPAGES fields.
- **Tools in experience bullets**, not only in skills lists, so evidence and years-per-skill
  can be computed; guide certifications appear with their exact names, and some look-alikes
  that are *not* guide certifications (AWS Certified Cloud Practitioner, Azure Data Scientist
  Associate, Azure Solutions Architect Expert).
- **Ambiguous words**: "Go" (Miriam Castellanos' languages), "R" (Daniel Osei, Henrik
  Lindqvist), "Spark", "RAG", "ML"; the chef's "inventory"/"ordering" and the teacher's
  "Maths" and "assessment" are ordinary words there, not AI evidence.
- **No-fit resumes**: a chef, a primary-school teacher and a business analyst have no AI
  work; the tool must report no fitting level or industry (`best_level: null`), not a weak AI
  match.
"""


def readme() -> str:
    m = manifest()
    lines = [
        README_HEAD.format(as_of=AS_OF),
        "## Resumes (`resumes/`)",
        "",
        "| File | Person | Level intended | Industry intended | Years | Layout | Format | Notes |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for p, r in zip(PEOPLE, m["resumes"], strict=True):
        level = f"`{p['level']}`" if p["level"] else "none (no AI fit)"
        industry = f"`{p['industry']}`" if p["industry"] else "none"
        certs = ", ".join(c["name"] for c in p["certifications"] if c["name"] in GUIDE_CERTS)
        note = p["note"] + (f"; guide certs: {certs}" if certs else "")
        lines.append(
            f"| `{p['file']}` | {p['name']} | {level} | {industry} | {r['years']} "
            f"| {LAYOUT_TEXT[p['layout']]} | {r['format'].upper()} | {note} |"
        )
    lines += [
        "",
        "## Job postings (`jobs/`)",
        "",
        "| File | Company | Role | Level intended | Industry | Years asked | Format |",
        "|---|---|---|---|---|---|---|",
    ]
    for j in JOBS:
        lines.append(
            f"| `{j['file']}` | {j['company']} | {j['title']} | `{j['level']}` "
            f"| `{j['industry']}` | {years_asked(j)} "
            f"| {Path(j['file']).suffix.lstrip('.').upper()} |"
        )
    return "\n".join(lines) + "\n" + README_NOTES


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def generate(out: Path) -> list[Path]:
    (out / "resumes").mkdir(parents=True, exist_ok=True)
    (out / "jobs").mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    problems: list[str] = []
    for p in PEOPLE:
        path = out / "resumes" / p["file"]
        pages = RENDERERS[p["layout"]](p, path)
        expected = p.get("pages")
        if path.suffix == ".pdf" and expected and pages != expected:
            problems.append(f"{path.name}: {pages} pages, expected {expected}; adjust the data")
        written.append(path)
    for j in JOBS:
        path = out / "jobs" / j["file"]
        JOB_RENDERERS[path.suffix](j, path)
        written.append(path)
    (out / "manifest.json").write_text(
        json.dumps(manifest(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (out / "README.md").write_text(readme(), encoding="utf-8")
    written += [out / "manifest.json", out / "README.md"]
    if problems:
        raise SystemExit("\n".join(problems))
    return written


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="output directory (default: samples/)")
    ap.add_argument(
        "--check",
        action="store_true",
        help="regenerate into a temporary directory and compare with --out",
    )
    args = ap.parse_args(argv)
    if args.check:
        tmp = Path(tempfile.mkdtemp(prefix="samples-check-"))
        try:
            stale = [
                f
                for f in generate(tmp)
                if not (args.out / f.relative_to(tmp)).exists()
                or digest(f) != digest(args.out / f.relative_to(tmp))
            ]
        finally:
            shutil.rmtree(tmp)
        for f in stale:
            print(f"stale: {f.relative_to(tmp)}", file=sys.stderr)
        return 1 if stale else 0
    for f in generate(args.out):
        print(f.relative_to(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
