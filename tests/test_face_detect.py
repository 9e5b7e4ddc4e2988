"Face detector checks on the shared corpora (#24): recall on web photos, small faces in a group picture, a 4K frame."
import sys
import numpy as np
from conftest import ROOT, needs
sys.path.insert(0, str(ROOT/'benchmarks'))
from face_detect import face_images, picture, found, photo_recall  # the figures of benchmarks/face_detect.py, as checks

@needs('faces/expw-photos')
def test_expw_photos_recall():
    from emo_nb.face import BlazeDetector
    recall, n, _ = photo_recall(BlazeDetector(), gray=False)
    assert n == 416 and recall >= 0.9, f'{recall:.1%} of the labelled faces found (IoU >= 0.4)'

@needs('faces/tfeid', 'faces/expw')
def test_small_faces_and_4k():
    from emo_nb.face import predict_faces
    group, squares = picture(face_images(wild=False), 1920, 1080, 96, 5, 4)  # 20 TFEID performers, each 5% of the width
    rd = predict_faces(group)
    assert found(rd[['x', 'y', 'w', 'h']].to_numpy(float), squares) == (20, 0)
    assert rd.label.notna().all() and rd[['x', 'y']].drop_duplicates().shape[0] == 20, 'a reading and a box for each face'
    k4, squares = picture(face_images()[:1], 3840, 2160, 420, 1, 1, seed=2)
    rd = predict_faces(k4)
    assert found(rd[['x', 'y', 'w', 'h']].to_numpy(float), squares) == (1, 0) and rd.label.notna().all()
